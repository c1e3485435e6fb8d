-- one row per kind of export: the latest date in the data and the last time a file of it loaded
with latest as (
    select 'staff' as kind, make_date(max(fiscal_year), 4, 1) as latest_date from stg_staff
    union all select 'nominations', make_date(max(fiscal_year), 4, 1) from stg_nominations
    union all select 'training', max(session_date) from stg_training
    union all select 'assignments', max(submitted_on) from stg_assignments
    union all select 'certifications', max(certified_on) from stg_certifications
    union all select 'apps', max(greatest(created_on, coalesce(released_on, created_on))) from stg_apps
    union all
    select 'app_usage', max(last_counted_on) filter (where granularity = 'month')
    from stg_app_usage_months
    union all
    select 'app_usage', max(last_counted_on) filter (where granularity = 'day') from stg_app_usage_months
    union all select 'elearning', max(activity_on) from stg_elearning
    -- a licence list holds no events: its last join (2024年9月30日) read as a stale export beside "all
    -- within their cycle"; it has no latest date, only when it was last loaded
    union all select 'elearning_users', cast(null as date)
    union all select 'projects', make_date(max(fiscal_year), 4, 1) from stg_projects
),

loaded as (
    select kind, max(loaded_at) as last_loaded_at
    from load_files
    where status = 'loaded'
    group by kind
),

final as (
    select latest.kind, max(latest.latest_date) as latest_date, max(loaded.last_loaded_at) as last_loaded_at
    from latest
    left join loaded using (kind)
    group by latest.kind
)

select * from final
