-- hours saved per fiscal year equal the sum of the monthly mart (no row counted twice or lost)
select kpis.fiscal_year, kpis.hours_saved, monthly.hours_saved
from mart_kpis_by_fy as kpis
left join (
    select fiscal_year, exact_sum(hours_saved) as hours_saved from mart_usage_monthly group by all
) as monthly using (fiscal_year)
where abs(kpis.hours_saved - coalesce(monthly.hours_saved, 0)) > 1e-3  -- far above the 1e-10 h an exact sum rounds each row to
