-- one row per app and month with no usage at all, between the app's first and last month of usage,
-- while the app was in operation (a month an export may have missed)
with used as (
    select app_id, min(usage_month) as first_month, max(usage_month) as last_month
    from stg_app_usage_months
    where not is_orphan
    group by app_id
),

months as (
    select used.app_id, unnest(generate_series(used.first_month, used.last_month, interval 1 month))::date as month
    from used
),

present as (
    select distinct app_id, usage_month as month from stg_app_usage_months
)

select months.app_id, apps.app_name, apps.owner_bureau_name, months.month
from months
inner join stg_apps as apps using (app_id)
left join present using (app_id, month)
where present.app_id is null
    and (apps.retired_on is null or apps.retired_on > months.month)
order by months.app_id, months.month
