-- the per-app costs add up to the headline figure of every fiscal year (one formula, two grains)
select kpis.fiscal_year, kpis.cost_avoided_cumulative_yen, apps.total
from mart_kpis_by_fy as kpis
left join (
    select fiscal_year, round(exact_sum(cost_avoided_yen))::bigint as total from mart_app_costs_by_fy group by all
) as apps using (fiscal_year)
where kpis.cost_avoided_cumulative_yen <> coalesce(apps.total, 0)
