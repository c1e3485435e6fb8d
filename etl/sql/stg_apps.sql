-- one row per app in the register, with its start date (released, else created) and owning bureau
with source as (
    select * from raw_apps
),

renamed as (
    select
        app_id,
        app_name,
        owner_dept_code,
        creator_staff_id,
        created_on,
        released_on,
        retired_on,
        coalesce(released_on, created_on) as start_on,
        minutes_saved_per_use,
        coalesce(initial_cost_yen, 0) as initial_cost_yen,
        coalesce(annual_running_cost_yen, 0) as annual_running_cost_yen,
        coalesce(annual_maintenance_cost_yen, 0) as annual_maintenance_cost_yen,
        initial_cost_yen is null
        or annual_running_cost_yen is null
        or annual_maintenance_cost_yen is null as has_missing_cost,
        category
    from source
),

final as (
    select
        renamed.*,
        orgs.dept_name as owner_dept_name,
        orgs.bureau_name as owner_bureau_name
    from renamed
    left join stg_organizations as orgs on orgs.dept_code = renamed.owner_dept_code
)

select * from final
