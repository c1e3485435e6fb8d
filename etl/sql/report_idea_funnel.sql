-- one row: ideas submitted by the end of fiscal year $fiscal_year, and how many of them had, by then,
-- been taken up by a seminar project, reached building, and gone live (each step within the one before)
with ideas as (
    select
        first_project_fiscal_year <= $fiscal_year as is_taken_up,
        first_building_fiscal_year <= $fiscal_year as is_building,
        live_on <= fiscal_year_end($fiscal_year) as is_live,
        result
    from mart_ideas
    where submitted_on <= fiscal_year_end($fiscal_year)
        and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name))
)

select
    count(*) as submitted,
    count(*) filter (where result = 'pass') as passed,
    count(*) filter (where is_taken_up) as taken_up,
    count(*) filter (where is_taken_up and is_building) as building,
    count(*) filter (where is_taken_up and is_building and is_live) as live
from ideas
