-- one row per app per month per granularity (month rows, day rows): uses summed over the month's rows.
-- Kept up to date incrementally: a load recomputes only the groups its usage rows touch (usage_in_scope,
-- see models.refresh_incremental), so a load's time follows its file, not the database
with source as (
    select * from usage_in_scope
),

dated as (
    select
        app_id,
        date_trunc('month', usage_date)::date as usage_month,
        granularity,
        uses,
        counted_on(granularity, usage_date) as counted_on
    from source
),

final as (
    select
        app_id,
        usage_month,
        granularity,
        sum(uses) as uses,
        count(*) as usage_rows,
        max(counted_on) as last_counted_on,
        max(counted_on) filter (where uses > 0) as last_used_on
    from dated
    group by app_id, usage_month, granularity
)

select * from final
