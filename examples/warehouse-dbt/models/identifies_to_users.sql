-- Identity mapping: which anonymous ids a user id was seen with (identifies, and aliases' previous ids).
with seen as (
    select anonymous_id, user_id, "timestamp" from {{ source('web', 'identifies') }}
    union all
    select previous_id as anonymous_id, user_id, "timestamp" from {{ source('web', 'aliases') }}
)

select
    anonymous_id,
    user_id,
    min("timestamp") as first_seen_at,
    max("timestamp") as last_seen_at
from seen
where anonymous_id is not null and user_id is not null
group by 1, 2
