-- one row per department (or category) in fiscal year $fiscal_year: hours saved, with the previous year's;
-- for a year in progress, the previous year's months up to $previous_through only (the same period,
-- contract 4.1), which is null for a complete year
with source as (
    select * from mart_usage_monthly
    where (fiscal_year = $fiscal_year
            or fiscal_year = $fiscal_year - 1
                and ($previous_through::date is null or usage_month <= $previous_through::date))
        and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name))
),

keyed as (
    select
        case when $dimension = 'category' then coalesce(category, '')
            else coalesce(dept_code, '') end as key,
        fiscal_year,
        hours_saved,
        bureau_name
    from source
)

select
    keyed.key,
    any_value(keyed.bureau_name) filter (where $dimension = 'dept') as bureau_name,
    any_value(orgs.dept_name) as dept_name,
    coalesce(exact_sum(case when keyed.fiscal_year = $fiscal_year then keyed.hours_saved end), 0) as hours_saved,
    coalesce(exact_sum(case when keyed.fiscal_year = $fiscal_year - 1 then keyed.hours_saved end), 0) as hours_saved_previous
from keyed
left join stg_organizations as orgs on $dimension = 'dept' and orgs.dept_code = keyed.key
group by keyed.key
order by hours_saved desc, keyed.key
