-- one row per fiscal year per month: hours saved by known apps, for the bureaus asked ($bureaus, empty = all)
with source as (
    select * from mart_usage_monthly
    where len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name)
),

final as (
    select
        fiscal_year,
        usage_month,
        month(usage_month) as calendar_month,
        sum(uses) as uses,
        exact_sum(hours_saved) as hours_saved
    from source
    group by all
)

select * from final order by usage_month
