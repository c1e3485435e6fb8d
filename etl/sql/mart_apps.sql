-- one row per app in the register: owner, maker, dates, usage to date, and what the clean-up lists need
with usage as (
    select
        app_id,
        sum(uses) as uses_total,
        max(last_used_on) as last_used_on
    from stg_app_usage_months
    where not is_overlap
    group by app_id
),

latest_data as (
    select max(last_counted_on) as latest_usage_date
    from stg_app_usage_months
    where not is_orphan
),

makers as (
    select
        staff_id,
        arg_max(dept_code, fiscal_year) as dept_code,
        arg_max(bureau_name, fiscal_year) as bureau_name,
        max(left_on) as left_on
    from stg_staff
    group by staff_id
),

talent as (
    select staff_id, first_on as dx_certified_on
    from mart_dx_talent_people
),

final as (
    select
        apps.app_id,
        apps.app_name,
        apps.category,
        apps.owner_dept_code,
        apps.owner_dept_name,
        apps.owner_bureau_name,
        apps.creator_staff_id,
        apps.created_on,
        apps.released_on,
        apps.retired_on,
        apps.start_on,
        apps.minutes_saved_per_use,
        apps.has_missing_cost,
        coalesce(usage.uses_total, 0) as uses_total,
        usage.last_used_on,
        latest_data.latest_usage_date,
        makers.bureau_name as creator_bureau_name,
        makers.left_on as creator_left_on,
        talent.dx_certified_on as creator_dx_certified_on,
        apps.creator_staff_id is not null and makers.staff_id is null as is_creator_unknown,
        makers.left_on is not null as is_creator_left,
        makers.bureau_name is distinct from apps.owner_bureau_name and makers.staff_id is not null
            as is_creator_elsewhere,
        apps.retired_on is null or apps.retired_on > latest_data.latest_usage_date as is_in_operation
    from stg_apps as apps
    cross join latest_data
    left join usage on usage.app_id = apps.app_id
    left join makers on makers.staff_id = apps.creator_staff_id
    left join talent on talent.staff_id = apps.creator_staff_id
)

select * from final
