-- Sessions per day, and how long they lasted on average.
select
    date_trunc('day', started_at)::date as day,
    count(*) as sessions,
    avg(ended_at - started_at) as average_duration
from {{ ref('sessions') }}
group by 1
