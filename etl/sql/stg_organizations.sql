-- one row per department in the organisation list, with its bureau and the bureau's display order
with source as (
    select * from raw_organizations
),

renamed as (
    select
        dept_code,
        dept_name,
        coalesce(bureau_name, '') as bureau_name,
        bureau_code
    from source
),

final as (
    select
        *,
        dense_rank() over (order by coalesce(bureau_code, '~'), bureau_name) as bureau_order
    from renamed
)

select * from final
