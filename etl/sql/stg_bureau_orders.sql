-- one row per bureau: its place in the fixed display order every page uses (the organisation list's order)
with source as (
    select * from stg_organizations
),

final as (
    select bureau_name, min(bureau_order) as bureau_order
    from source
    group by bureau_name
)

select * from final
