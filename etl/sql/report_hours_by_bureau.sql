-- one row per bureau in fiscal year $fiscal_year: hours saved by the apps the bureau owns
with source as (
    select * from mart_usage_monthly
    where fiscal_year = $fiscal_year
        and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name))
),

final as (
    select
        coalesce(source.bureau_name, unknown_group()) as bureau_name,
        exact_sum(source.hours_saved) as hours_saved,
        count(distinct source.app_id) as apps,
        coalesce(min(orders.bureau_order), 9999) as bureau_order
    from source
    left join stg_bureau_orders as orders using (bureau_name)
    group by all
)

select * from final order by bureau_order, bureau_name
