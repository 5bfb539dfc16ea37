-- Page views and distinct visitors per day.
select
    date_trunc('day', "timestamp")::date as day,
    count(*) as pageviews,
    count(distinct coalesce(user_id, anonymous_id)) as visitors
from {{ source('web', 'pages') }}
group by 1
