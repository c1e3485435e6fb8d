-- one row per fiscal year with ideas: ideas submitted, by level, by result (pass, resubmit, fail, not
-- assessed), and the hours a year they estimated
select
    fiscal_year,
    count(*) as ideas,
    count(*) filter (where level = 'silver') as silver,
    count(*) filter (where level = 'gold') as gold,
    count(*) filter (where level = 'bronze') as bronze,
    count(*) filter (where result = 'pass') as pass,
    count(*) filter (where result = 'resubmit') as resubmit,
    count(*) filter (where result = 'fail') as fail,
    count(*) filter (where result is null) as none,
    exact_sum(est_hours_saved) as est_hours
from mart_ideas
where len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name)
group by fiscal_year
order by fiscal_year
