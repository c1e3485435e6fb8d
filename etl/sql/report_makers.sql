-- one row per fiscal year: staff who created apps, first-time makers, and makers who are DX talent
with made as (
    select creator_staff_id as staff_id, fiscal_year_of(created_on) as fiscal_year, creator_dx_certified_on
    from mart_apps
    where creator_staff_id is not null
),

firsts as (
    select staff_id, min(fiscal_year) as first_year from made group by staff_id
)

select
    made.fiscal_year,
    count(distinct made.staff_id) as makers,
    count(distinct made.staff_id) filter (where firsts.first_year = made.fiscal_year) as new_makers,
    count(distinct made.staff_id) filter (
        where made.creator_dx_certified_on <= fiscal_year_end(made.fiscal_year)
    ) as dx_talent_makers
from made
inner join firsts using (staff_id)
group by made.fiscal_year
order by made.fiscal_year
