-- one row per bureau per level in fiscal year $fiscal_year: staff certified, staff on the roster
with source as (
    select * from mart_certifications_by_bureau
    where fiscal_year = $fiscal_year
        and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name))
),

final as (
    select
        bureau_name,
        level,
        certified,
        staff,
        certified / nullif(staff, 0) * 100 as per_100_staff,
        coalesce(bureau_order, 9999) as bureau_order
    from source
)

select * from final order by bureau_order, bureau_name, level
