-- one row per app per month: uses and hours saved, counting only known apps and no overlaps
with source as (
    select * from stg_app_usage_months
    where not is_orphan and not is_overlap
),

final as (
    select
        source.app_id,
        source.usage_month,
        source.fiscal_year,
        apps.owner_bureau_name as bureau_name,
        apps.owner_dept_code as dept_code,
        apps.category,
        sum(source.uses) as uses,
        sum_hours_saved(source.uses, source.minutes_saved_per_use) as hours_saved,
        max(source.last_used_on) as last_used_on
    from source
    inner join stg_apps as apps on apps.app_id = source.app_id
    group by all
)

select * from final
