-- one row per target (metric over a range of fiscal years)
with source as (
    select * from raw_targets
),

final as (
    select metric, fy_from, fy_to, value from source
)

select * from final
