-- one row per course used in fiscal year $fiscal_year, and one per course category (course_title null):
-- learners whose last activity on it fell in the year, their minutes, completions in the year, and a
-- category's courses used; most learners first
with flagged as (
    select
        course_title,
        coalesce(category, '') as category,
        staff_id,
        minutes,
        activity_fiscal_year = $fiscal_year
        and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], activity_bureau_name)) as is_active,
        completion_fiscal_year = $fiscal_year
        and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], completion_bureau_name))
            as is_completion
    from mart_learning_activity
)

select
    course_title,
    category,
    count(distinct staff_id) filter (where is_active) as learners,
    coalesce(exact_sum(case when is_active then minutes end), 0) as minutes,
    count(*) filter (where is_completion) as completions,
    count(distinct course_title) filter (where is_active) as courses,
    grouping(course_title) = 1 as is_category
from flagged
where is_active or is_completion
group by grouping sets ((category, course_title), (category))
order by course_title is not null, learners desc, completions desc, category, course_title
