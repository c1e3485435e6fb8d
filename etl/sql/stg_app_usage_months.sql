-- one row per app per month per granularity, flagged when left out of the figures: the grain most usage
-- figures are computed at (a cut inside a month reads that month's rows from stg_app_usage)
with source as (
    select * from stg_app_usage_monthly
),

month_rows as (
    select app_id, usage_month
    from source
    where granularity = 'month'
),

final as (
    select
        source.*,
        fiscal_year_of(source.usage_month) as fiscal_year,
        apps.app_id is null as is_orphan,
        -- a month row stands; that month's day rows for the same app are overlaps
        source.granularity = 'day' and month_rows.app_id is not null as is_overlap,
        apps.minutes_saved_per_use
    from source
    left join stg_apps as apps on apps.app_id = source.app_id
    left join month_rows on month_rows.app_id = source.app_id and month_rows.usage_month = source.usage_month
)

select * from final
