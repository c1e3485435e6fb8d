-- one row per DX talent (staff with Silver or Gold): first certification, Gold date, leaving date
with certs as (
    select
        staff_id,
        min(certified_on) filter (where level = 'silver') as silver_on,
        min(certified_on) filter (where level = 'gold') as gold_on,
        min(certified_on) as first_on,
        -- where the person was placed when they first became DX talent (the certification's bureau)
        arg_min(bureau_name, certified_on) as first_bureau_name
    from stg_certifications
    where level in ('silver', 'gold')
    group by staff_id
),

latest_roster as (
    select staff_id, arg_max(dept_code, fiscal_year) as dept_code, arg_max(name, fiscal_year) as name,
        max(left_on) as left_on, max(fiscal_year) as last_roster_year
    from stg_staff
    group by staff_id
),

final as (
    select
        certs.*,
        fiscal_year_of(certs.first_on) as first_fiscal_year,
        fiscal_year_of(certs.silver_on) as silver_fiscal_year,
        latest_roster.dept_code,
        orgs.dept_name,
        orgs.bureau_name,
        latest_roster.name,
        latest_roster.left_on,
        latest_roster.last_roster_year
    from certs
    left join latest_roster using (staff_id)
    left join stg_organizations as orgs on orgs.dept_code = latest_roster.dept_code
)

select * from final
