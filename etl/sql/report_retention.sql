-- one row per fiscal year: cumulative DX talent, and active DX talent (not left by the year's end)
select
    years.fiscal_year,
    count(people.staff_id) as dx_talent_cumulative,
    count(people.staff_id) filter (
        where people.left_on is null or people.left_on > fiscal_year_end(years.fiscal_year)
    ) as dx_talent_active
from stg_fiscal_years as years
left join mart_dx_talent_people as people on people.first_on <= fiscal_year_end(years.fiscal_year)
group by years.fiscal_year
order by years.fiscal_year
