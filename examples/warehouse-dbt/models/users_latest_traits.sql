-- Users with their latest traits (the users table merges every identify; a newer one's traits win),
-- the last identify that set them, and how many anonymous ids each was seen with.
select
    u.id as user_id,
    u.email,
    u.name,
    u.received_at as traits_updated_at,
    count(distinct m.anonymous_id) as anonymous_ids
from {{ source('web', 'users') }} as u
left join {{ ref('identifies_to_users') }} as m on m.user_id = u.id
group by u.id, u.email, u.name, u.received_at
