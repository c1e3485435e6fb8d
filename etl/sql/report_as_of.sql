-- one row: as_of and usage_as_of (contract 4.1), the latest event date loaded, never later than $today
with events as (
    -- the dates on which something happened; a leaving or retirement date is often set ahead, so is not one
    select max(session_date) as latest_on from stg_training
    union all select max(submitted_on) from stg_assignments
    union all select max(certified_on) from stg_certifications
    union all select max(greatest(created_on, released_on)) from stg_apps
    union all select max(greatest(activity_on, completed_on)) from stg_elearning
    union all select max(joined_on) from stg_elearning_users
    union all select max(greatest(presented_on, implemented_on)) from stg_projects
),

usage as (
    select max(last_counted_on) as latest_on from stg_app_usage_monthly
),

latest as (
    select
        greatest((select max(latest_on) from events), (select latest_on from usage)) as latest_on,
        (select latest_on from usage) as usage_latest_on
),

final as (
    -- least() skips a null: with no dated row there is no as_of, not today
    select
        case when latest_on is not null then least(latest_on, $today::date) end as as_of,
        case when usage_latest_on is not null then least(usage_latest_on, $today::date) end as usage_as_of
    from latest
)

select * from final
