-- one row per staff member nominated per level per fiscal year
with source as (
    select * from raw_nominations
),

final as (
    select
        source.fiscal_year,
        source.dept_code,
        source.staff_id,
        source.level,
        orgs.dept_code is null as is_unknown_department
    from source
    left join stg_organizations as orgs on orgs.dept_code = source.dept_code
)

select * from final
