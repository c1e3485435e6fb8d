-- one row per app per month: uses and hours saved, counting only known apps and no overlaps
with source as (
    select * from stg_app_usage
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
        sum(source.uses * source.minutes_saved_per_use / 60.0) as hours_saved
    from source
    inner join stg_apps as apps on apps.app_id = source.app_id
    group by all
)

select * from final
