-- one row per bureau in fiscal year $fiscal_year (and one for learners on no roster): staff on the roster,
-- learners active in the year, per 100 staff, minutes and completions
with active as (
    select
        coalesce(activity_bureau_name, unknown_group()) as bureau_name,
        count(distinct staff_id) as learners,
        exact_sum(minutes) as minutes
    from mart_learning_activity
    where activity_fiscal_year = $fiscal_year
    group by all
),

completed as (
    select coalesce(completion_bureau_name, unknown_group()) as bureau_name, count(*) as completions
    from mart_learning_activity
    where completion_fiscal_year = $fiscal_year
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
        bureau_name,
        staff.staff,
        coalesce(active.learners, 0) as learners,
        coalesce(active.learners, 0) * 100.0 / nullif(staff.staff, 0) as per_100,
        coalesce(active.minutes, 0) as minutes,
        coalesce(completed.completions, 0) as completions,
        coalesce(orders.bureau_order, 9999) as bureau_order
    from staff
    full join active using (bureau_name)
    full join completed using (bureau_name)
    left join stg_bureau_orders as orders using (bureau_name)
)

select * from final order by bureau_order, bureau_name
