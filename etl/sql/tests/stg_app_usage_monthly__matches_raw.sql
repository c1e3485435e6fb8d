-- the incrementally kept monthly summary equals a summary of every usage row built from scratch
with rebuilt as (
    select
        app_id,
        date_trunc('month', usage_date)::date as usage_month,
        granularity,
        sum(uses) as uses,
        count(*) as usage_rows,
        max(case when granularity = 'month' then last_day(usage_date) else usage_date end) as last_counted_on
    from raw_app_usage
    group by all
)

select coalesce(kept.app_id, rebuilt.app_id) as app_id, kept.usage_month, kept.uses, rebuilt.uses
from stg_app_usage_monthly as kept
full join rebuilt
    on kept.app_id = rebuilt.app_id
    and kept.usage_month = rebuilt.usage_month
    and kept.granularity is not distinct from rebuilt.granularity
where kept.uses is distinct from rebuilt.uses
    or kept.usage_rows is distinct from rebuilt.usage_rows
    or kept.last_counted_on is distinct from rebuilt.last_counted_on
