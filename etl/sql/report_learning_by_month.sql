-- one row per month of fiscal year $fiscal_year up to the last month with any activity: learners whose
-- last activity on a course fell in the month, the minutes of those courses, and completions in it
with active as (
    select
        date_trunc('month', activity_on)::date as month,
        count(distinct staff_id) as active_learners,
        exact_sum(minutes) as minutes
    from mart_learning_activity
    where activity_fiscal_year = $fiscal_year
        and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], activity_bureau_name))
    group by all
),

completed as (
    select date_trunc('month', completed_on)::date as month, count(*) as completions
    from mart_learning_activity
    where completion_fiscal_year = $fiscal_year
        and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], completion_bureau_name))
    group by all
),

months as (
    select unnest(generate_series(make_date($fiscal_year, 4, 1), (
        select coalesce(max(month), make_date($fiscal_year, 4, 1))
        from (select month from active union all select month from completed)
    ), interval 1 month))::date as month
),

final as (
    select
        months.month,
        coalesce(active.active_learners, 0) as active_learners,
        coalesce(active.minutes, 0) as minutes,
        coalesce(completed.completions, 0) as completions
    from months
    left join active using (month)
    left join completed using (month)
)

select * from final order by month
