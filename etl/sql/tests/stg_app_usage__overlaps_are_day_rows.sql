-- only day rows are overlaps, and only where the same app has a month row for that month
select *
from stg_app_usage as usage
where usage.is_overlap
    and (
        usage.granularity <> 'day'
        or not exists (
            select 1 from raw_app_usage as month_rows
            where month_rows.app_id = usage.app_id
                and month_rows.granularity = 'month'
                and month_rows.usage_date = usage.usage_month
        )
    )
