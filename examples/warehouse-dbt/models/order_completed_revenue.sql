-- Revenue per day and currency from "Order Completed" (Segment's e-commerce spec: revenue, currency).
select
    date_trunc('day', "timestamp")::date as day,
    currency,
    count(*) as orders,
    count(distinct user_id) as buyers,
    sum(revenue) as revenue
from {{ source('web', 'order_completed') }}
group by 1, 2
