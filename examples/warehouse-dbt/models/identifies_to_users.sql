-- Identity mapping: which anonymous ids a user id was seen with (identifies, and aliases' previous ids).
select
    anonymous_id,
    user_id,
    min("timestamp") as first_seen_at,
    max("timestamp") as last_seen_at
from {{ source('web', 'identifies') }}
where anonymous_id is not null and user_id is not null
group by 1, 2

union

select
    previous_id as anonymous_id,
    user_id,
    min("timestamp") as first_seen_at,
    max("timestamp") as last_seen_at
from {{ source('web', 'aliases') }}
where previous_id is not null and user_id is not null
group by 1, 2
