-- one row per bureau: staff who created an app in fiscal year $fiscal_year (in the bureau of that year's roster)
with made as (
    select distinct apps.creator_staff_id as staff_id
    from mart_apps as apps
    where apps.creator_staff_id is not null and fiscal_year_of(apps.created_on) = $fiscal_year
),

placed as (
    select coalesce(roster.bureau_name, unknown_group()) as bureau_name, count(*) as makers
    from made
    left join stg_staff as roster on roster.staff_id = made.staff_id and roster.fiscal_year = $fiscal_year
    group by all
)

select
    placed.*,
    coalesce(orders.bureau_order, 9999) as bureau_order
from placed
left join stg_bureau_orders as orders using (bureau_name)
order by bureau_order, bureau_name
