-- one row per fiscal year per bureau per level: staff certified, with the bureau's roster size
with certs as (
    select
        fiscal_year,
        coalesce(bureau_name, unknown_group()) as bureau_name,
        level,
        count(distinct staff_id) as certified
    from stg_certifications
    group by all
),

roster as (
    select fiscal_year, coalesce(bureau_name, unknown_group()) as bureau_name, count(*) as staff
    from stg_staff
    group by all
),

final as (
    select
        certs.fiscal_year,
        certs.bureau_name,
        certs.level,
        certs.certified,
        roster.staff,
        orders.bureau_order
    from certs
    left join roster using (fiscal_year, bureau_name)
    left join stg_bureau_orders as orders using (bureau_name)
)

select * from final
