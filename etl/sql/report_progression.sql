-- one row per Silver cohort (fiscal year of the Silver certification): how many went on to Gold, how fast
select
    silver_fiscal_year as cohort,
    count(*) as silver,
    count(*) filter (where gold_on > silver_on) as went_gold,
    count(*) filter (where gold_on > silver_on) / count(*) as gold_share,
    median(date_diff('day', silver_on, gold_on)) filter (where gold_on > silver_on) as median_days_to_gold
from mart_dx_talent_people
where silver_on is not null
group by all
order by cohort
