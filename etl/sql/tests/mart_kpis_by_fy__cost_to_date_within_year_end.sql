-- a year in progress is cut at as_of: its cost avoided never exceeds the cost accrued to the year's end,
-- and no year is cut after its end
select kpis.fiscal_year, kpis.stock_cut, kpis.cost_avoided_cumulative_yen, year_end.total
from mart_kpis_by_fy as kpis
inner join (
    select costs.fiscal_year, round(sum(costs.cost_initial_yen + costs.cost_running_yen + costs.cost_maintenance_yen))::bigint as total
    from mart_kpis_by_fy as kpis
    inner join app_costs([kpis.fiscal_year], [fiscal_year_end(kpis.fiscal_year)]) as costs on true
    group by all
) as year_end using (fiscal_year)
where kpis.stock_cut > fiscal_year_end(kpis.fiscal_year)
    or kpis.cost_avoided_cumulative_yen > year_end.total
