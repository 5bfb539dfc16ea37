-- Sessions: a visitor's pages and tracks, a new session after 30 minutes without one.
with events as (
    select anonymous_id, user_id, "timestamp" from {{ source('web', 'pages') }}
    union all
    select anonymous_id, user_id, "timestamp" from {{ source('web', 'tracks') }}
),

marked as (
    select
        *,
        case
            when "timestamp" - lag("timestamp") over (partition by anonymous_id order by "timestamp")
                <= interval '30 minutes' then 0
            else 1
        end as is_new_session
    from events
    where anonymous_id is not null
),

numbered as (
    select
        *,
        sum(is_new_session) over (
            partition by anonymous_id order by "timestamp" rows unbounded preceding
        ) as session_number
    from marked
)

select
    anonymous_id || '-' || session_number as session_id,
    anonymous_id,
    max(user_id) as user_id,
    min("timestamp") as started_at,
    max("timestamp") as ended_at,
    count(*) as events
from numbered
group by anonymous_id, session_number
