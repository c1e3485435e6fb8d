-- one row per department per fiscal year: Silver leaders nominated, DX talent on its roster, staff
with years as (
    select fiscal_year from stg_fiscal_years
),

departments as (
    select years.fiscal_year, orgs.dept_code, orgs.dept_name, orgs.bureau_name, orgs.bureau_order
    from years
    cross join stg_organizations as orgs
),

leaders as (
    select fiscal_year, dept_code, count(distinct staff_id) as leaders_nominated
    from stg_nominations
    where level = 'silver'
    group by all
),

holders as (
    -- staff on the department's roster that year who hold Silver or Gold by the year's end
    select roster.fiscal_year, roster.dept_code, count(distinct roster.staff_id) as dx_talent
    from stg_staff as roster
    inner join mart_dx_talent_people as people
        on people.staff_id = roster.staff_id
        and people.first_on <= fiscal_year_end(roster.fiscal_year)
    group by all
),

staff as (
    select fiscal_year, dept_code, count(*) as staff from stg_staff group by all
),

final as (
    select
        departments.*,
        coalesce(leaders.leaders_nominated, 0) as leaders_nominated,
        coalesce(holders.dx_talent, 0) as dx_talent,
        coalesce(staff.staff, 0) as staff
    from departments
    left join leaders using (fiscal_year, dept_code)
    left join holders using (fiscal_year, dept_code)
    left join staff using (fiscal_year, dept_code)
)

select * from final
