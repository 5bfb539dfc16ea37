-- Tracks per event per day, with the event's name as sent (event_text) and its table's (event).
select
    date_trunc('day', "timestamp")::date as day,
    event,
    event_text,
    count(*) as tracks,
    count(distinct coalesce(user_id, anonymous_id)) as users
from {{ source('web', 'tracks') }}
group by 1, 2, 3
