-- one row per staff member per level certified, placed in the department of the roster of that year
with source as (
    select * from raw_certifications
),

renamed as (
    select
        staff_id,
        level,
        certified_on,
        fiscal_year_of(certified_on) as fiscal_year
    from source
),

final as (
    select
        renamed.*,
        roster.dept_code,
        roster.dept_name,
        roster.bureau_name,
        roster.staff_id is null as is_orphan
    from renamed
    left join stg_staff as roster
        on roster.staff_id = renamed.staff_id and roster.fiscal_year = renamed.fiscal_year
)

select * from final
