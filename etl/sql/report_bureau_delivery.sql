-- one row per bureau: its share of the DX talent certified by the end of $fiscal_year (placed in
-- the department of the year of their first Silver/Gold certification) against its share of staff
with talent as (
    select
        coalesce(people.first_bureau_name, unknown_group()) as bureau_name,
        count(*) as dx_talent
    from mart_dx_talent_people as people
    where people.first_on <= fiscal_year_end($fiscal_year)
    group by all
),

staff as (
    select coalesce(bureau_name, unknown_group()) as bureau_name, count(*) as staff
    from stg_staff
    where fiscal_year = $fiscal_year
    group by all
),

final as (
    select
        coalesce(talent.bureau_name, staff.bureau_name) as bureau_name,
        coalesce(talent.dx_talent, 0) as dx_talent,
        coalesce(staff.staff, 0) as staff,
        coalesce(talent.dx_talent, 0) / nullif(sum(coalesce(talent.dx_talent, 0)) over (), 0) as talent_share,
        coalesce(staff.staff, 0) / nullif(sum(coalesce(staff.staff, 0)) over (), 0) as staff_share,
        coalesce(orders.bureau_order, 9999) as bureau_order
    from talent
    full outer join staff using (bureau_name)
    left join stg_bureau_orders as orders on orders.bureau_name = coalesce(talent.bureau_name, staff.bureau_name)
)

select * from final order by bureau_order, bureau_name
