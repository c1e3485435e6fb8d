-- one row per app (bureaus $bureaus, empty = all): uses and hours saved in fiscal year $fiscal_year,
-- cost avoided through its end, and the register's details
with usage as (
    select app_id, sum(uses) as uses, exact_sum(hours_saved) as hours_saved
    from mart_usage_monthly
    where fiscal_year = $fiscal_year
    group by app_id
),

costs as (
    select app_id, cost_avoided_yen
    from mart_app_costs_by_fy
    where fiscal_year = $fiscal_year
)

select
    apps.app_id,
    apps.app_name,
    apps.category,
    apps.owner_bureau_name,
    apps.owner_dept_name,
    apps.creator_staff_id,
    apps.created_on,
    apps.released_on,
    apps.retired_on,
    apps.minutes_saved_per_use,
    coalesce(usage.uses, 0) as uses,
    coalesce(usage.hours_saved, 0) as hours_saved,
    coalesce(costs.cost_avoided_yen, 0) as cost_avoided_yen,
    apps.last_used_on,
    apps.has_missing_cost
from mart_apps as apps
left join usage using (app_id)
left join costs using (app_id)
where apps.start_on <= fiscal_year_end($fiscal_year)
    and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], apps.owner_bureau_name))
order by hours_saved desc, app_id
