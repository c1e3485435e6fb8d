-- one row per staff member per fiscal year on the roster, with the department's bureau
with source as (
    select * from raw_staff
),

final as (
    select
        source.fiscal_year,
        source.staff_id,
        source.dept_code,
        source.employment_type,
        source.position,
        source.name,
        source.left_on,
        source.email,
        orgs.bureau_name,
        orgs.dept_name
    from source
    left join stg_organizations as orgs on orgs.dept_code = source.dept_code
)

select * from final
