-- one row per fiscal year with e-learning activity: learners active in it (last activity on a course in
-- the year), their minutes, completions in the year, courses used, and active learners per 100 staff on
-- the year's roster
with active as (
    select
        activity_fiscal_year as fiscal_year,
        count(distinct staff_id) as learners,
        count(distinct staff_id) filter (where activity_bureau_name is not null) as learners_on_roster,
        exact_sum(minutes) as minutes,
        count(distinct course_title) as courses_used
    from mart_learning_activity
    where len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], activity_bureau_name)
    group by all
),

completed as (
    select completion_fiscal_year as fiscal_year, count(*) as completions
    from mart_learning_activity
    where completed_on is not null
        and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], completion_bureau_name))
    group by all
),

staff as (
    select fiscal_year, count(*) as staff
    from stg_staff
    where len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name)
    group by fiscal_year
),

final as (
    select
        active.fiscal_year,
        active.learners,
        active.minutes,
        coalesce(completed.completions, 0) as completions,
        active.courses_used,
        (select count(distinct course_title) from stg_elearning) as courses_seen,
        staff.staff,
        active.learners_on_roster * 100.0 / nullif(staff.staff, 0) as per_100
    from active
    left join completed using (fiscal_year)
    left join staff using (fiscal_year)
)

select * from final order by fiscal_year
