-- one row per fiscal year from the earliest to the latest that has data
with dated as (
    select fiscal_year from stg_staff
    union all select fiscal_year from stg_nominations
    union all select fiscal_year from stg_certifications
    union all select fiscal_year from stg_training
    union all select fiscal_year from stg_assignments
    union all select fiscal_year from stg_app_usage_months where not is_orphan
    union all select fiscal_year from stg_elearning
    union all select fiscal_year from stg_projects
    union all
    select fiscal_year_of(start_on)
    from stg_apps
),

bounds as (
    select min(fiscal_year) as first_year, max(fiscal_year) as last_year from dated
),

final as (
    select unnest(range(first_year, last_year + 1))::integer as fiscal_year
    from bounds
    where first_year is not null
)

select * from final
