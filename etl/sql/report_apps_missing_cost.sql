-- one row per app started by the end of $fiscal_year with a cost estimate missing (counted as 0)
select
    apps.app_id,
    apps.app_name,
    apps.owner_bureau_name,
    raw.initial_cost_yen is null as missing_initial,
    raw.annual_running_cost_yen is null as missing_running,
    raw.annual_maintenance_cost_yen is null as missing_maintenance
from stg_apps as apps
inner join raw_apps as raw using (app_id)
where apps.has_missing_cost and apps.start_on <= fiscal_year_end($fiscal_year)
order by apps.app_id
