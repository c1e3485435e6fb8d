-- one row per fiscal year per result (pass, resubmit, fail, or none yet): ideas submitted and the
-- hours a year they estimated
select
    fiscal_year,
    coalesce(result, 'none') as result,
    count(*) as ideas,
    sum(est_hours_saved) as est_hours
from mart_ideas
where len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name)
group by all
order by fiscal_year, result
