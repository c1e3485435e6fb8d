-- one row per owning bureau: cost avoided through the end of fiscal year $fiscal_year, by component
select
    coalesce(apps.owner_bureau_name, unknown_group()) as bureau_name,
    exact_sum(costs.cost_initial_yen) as cost_initial_yen,
    exact_sum(costs.cost_running_yen) as cost_running_yen,
    exact_sum(costs.cost_maintenance_yen) as cost_maintenance_yen,
    exact_sum(costs.cost_avoided_yen) as cost_avoided_yen,
    count(*) as apps,
    coalesce(min(orgs.bureau_order), 9999) as bureau_order
from mart_app_costs_by_fy as costs
inner join stg_apps as apps using (app_id)
left join stg_organizations as orgs on orgs.dept_code = apps.owner_dept_code
where costs.fiscal_year = $fiscal_year
    and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], apps.owner_bureau_name))
group by all
order by bureau_order, bureau_name
