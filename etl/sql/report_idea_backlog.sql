-- one row per passed idea submitted by the end of fiscal year $fiscal_year that no seminar project of
-- that year or before had taken up, and that estimated at least $min_hours hours a year: the innovation
-- backlog, largest savings first, with its maker's certifications and apps
select
    submission_id,
    title,
    category,
    fiscal_year,
    est_hours_saved,
    bureau_name,
    dept_name,
    staff_id,
    name,
    silver_on,
    gold_on,
    maker_apps
from mart_ideas
where result = 'pass'
    and submitted_on <= fiscal_year_end($fiscal_year)
    and (first_project_fiscal_year is null or first_project_fiscal_year > $fiscal_year)
    and est_hours_saved >= $min_hours
    and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name))
order by est_hours_saved desc, submitted_on, submission_id
