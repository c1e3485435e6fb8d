-- one row per bureau (and one for ideas of staff on no roster) in fiscal year $fiscal_year: ideas
-- submitted, passed, taken up by a project, per 100 staff on the year's roster
with ideas as (
    select
        coalesce(bureau_name, unknown_group()) as bureau_name,
        count(*) as ideas,
        count(*) filter (where result = 'pass') as passed,
        count(*) filter (where projects > 0) as taken_up,
        exact_sum(est_hours_saved) as est_hours
    from mart_ideas
    where fiscal_year = $fiscal_year
    group by all
),

staff as (
    select bureau_name, count(*) as staff
    from stg_staff
    where fiscal_year = $fiscal_year and bureau_name is not null
    group by all
),

final as (
    select
        ideas.bureau_name,
        staff.staff,
        ideas.ideas,
        ideas.passed,
        ideas.taken_up,
        ideas.est_hours,
        ideas.ideas * 100.0 / nullif(staff.staff, 0) as per_100,
        coalesce(orders.bureau_order, 9999) as bureau_order
    from ideas
    left join staff using (bureau_name)
    left join stg_bureau_orders as orders using (bureau_name)
)

select * from final
where len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name)
order by bureau_order, bureau_name
