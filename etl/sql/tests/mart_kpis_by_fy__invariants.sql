-- headline figures are never negative, and covered departments never exceed all departments
select *
from mart_kpis_by_fy
where hours_saved < 0
    or cost_avoided_cumulative_yen < 0
    or dx_talent_cumulative < 0
    or departments_covered > departments_total
    or active_apps > (select count(*) from stg_apps)
