-- one row per idea category in fiscal year $fiscal_year: ideas, passed, taken up, hours a year estimated
select
    category,
    count(*) as ideas,
    count(*) filter (where result = 'pass') as passed,
    count(*) filter (where projects > 0) as taken_up,
    exact_sum(est_hours_saved) as est_hours
from mart_ideas
where fiscal_year = $fiscal_year
    and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name))
group by all
order by ideas desc, category
