-- one row per month: apps created, released and retired that month
with events as (
    select date_trunc('month', created_on)::date as month, 'created' as event from stg_apps
    union all
    select date_trunc('month', released_on)::date, 'released' from stg_apps where released_on is not null
    union all
    select date_trunc('month', retired_on)::date, 'retired' from stg_apps where retired_on is not null
)

select
    month,
    count(*) filter (where event = 'created') as created,
    count(*) filter (where event = 'released') as released,
    count(*) filter (where event = 'retired') as retired
from events
group by month
order by month
