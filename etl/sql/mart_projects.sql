-- one row per seminar project: the idea it took up, the app it built and the day it went live
with projects as (
    select * from stg_projects
),

ideas as (
    select
        submission_id,
        staff_id as idea_staff_id,
        title as idea_title,
        submitted_on as idea_submitted_on,
        est_hours_saved
    from stg_assignments
),

apps as (
    select app_id, app_name, start_on as app_start_on, retired_on as app_retired_on
    from stg_apps
),

joined as (
    select
        projects.project_id,
        projects.team,
        projects.theme,
        projects.status,
        projects.fiscal_year,
        projects.presented_on,
        projects.implemented_on,
        projects.submission_id,
        ideas.submission_id is not null as has_idea,
        ideas.idea_staff_id,
        ideas.idea_title,
        ideas.idea_submitted_on,
        ideas.est_hours_saved,
        projects.app_id,
        apps.app_id is not null as has_app,
        apps.app_name,
        apps.app_start_on,
        apps.app_retired_on,
        -- live: the office's status says so; the day is the project's implementation date, else the
        -- day its app started
        case when projects.status = 'live' then coalesce(projects.implemented_on, apps.app_start_on) end
            as live_on
    from projects
    left join ideas on ideas.submission_id = projects.submission_id
    left join apps on apps.app_id = projects.app_id
),

final as (
    select
        *,
        date_diff('day', idea_submitted_on, live_on) as days_idea_to_live
    from joined
)

select * from final
