-- the headline DX talent of a complete year (overview, briefing) equals the people the talent page
-- lists and counts (report_retention): one definition, two readers
select kpis.fiscal_year, kpis.dx_talent_cumulative, count(people.staff_id) as people
from mart_kpis_by_fy as kpis
left join mart_dx_talent_people as people on people.first_on <= fiscal_year_end(kpis.fiscal_year)
where kpis.stock_cut = fiscal_year_end(kpis.fiscal_year)
group by all
having kpis.dx_talent_cumulative <> count(people.staff_id)
