-- 前年同期 (the year before a year in progress, cut at the same day): its flows and cumulative figures
-- never exceed the whole year's; levels such as apps in operation may, so they are not checked
select same.fiscal_year, same.stock_cut
from mart_kpis_same_period as same
inner join mart_kpis_by_fy as whole using (fiscal_year)
where same.stock_cut > fiscal_year_end(same.fiscal_year)
    or same.usage_cut > fiscal_year_end(same.fiscal_year)
    or same.certified_bronze > whole.certified_bronze
    or same.certified_silver > whole.certified_silver
    or same.certified_gold > whole.certified_gold
    or same.hours_saved > whole.hours_saved
    or same.active_apps > whole.active_apps
    or same.dx_talent_cumulative > whole.dx_talent_cumulative
    or same.cost_avoided_cumulative_yen > whole.cost_avoided_cumulative_yen
