-- one row per usage record (app, date or month, staff), flagged when it is left out of the figures
with source as (
    select * from raw_app_usage
),

month_rows as (
    select app_id, usage_month as month_start
    from stg_app_usage_monthly
    where granularity = 'month'
),

final as (
    select
        source.app_id,
        source.usage_date,
        source.granularity,
        date_trunc('month', source.usage_date)::date as usage_month,
        counted_on(source.granularity, source.usage_date) as counted_on,
        fiscal_year_of(source.usage_date) as fiscal_year,
        source.staff_id,
        source.uses,
        apps.app_id is null as is_orphan,
        -- a month row stands; that month's day rows for the same app are overlaps
        source.granularity = 'day' and month_rows.app_id is not null as is_overlap,
        apps.minutes_saved_per_use,
        sources.source_file,
        source.source_row
    from source
    left join stg_apps as apps on apps.app_id = source.app_id
    left join sources on sources.source_id = source.source_id
    left join month_rows
        on month_rows.app_id = source.app_id
        and month_rows.month_start = date_trunc('month', source.usage_date)::date
)

select * from final
