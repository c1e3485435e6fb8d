-- one row per idea that became an app through a seminar project: hours a year the Silver assignment
-- estimated, against hours saved by the app's usage in fiscal year $fiscal_year
with realised as (
    select app_id, sum(hours_saved) as realised_hours
    from mart_usage_monthly
    where fiscal_year = $fiscal_year
    group by app_id
)

select
    projects.project_id,
    projects.theme,
    projects.team,
    assignments.submission_id,
    assignments.title as idea,
    assignments.est_hours_saved as estimated_hours,
    apps.app_id,
    apps.app_name,
    coalesce(realised.realised_hours, 0) as realised_hours
from stg_projects as projects
inner join stg_assignments as assignments on assignments.submission_id = projects.submission_id
inner join stg_apps as apps on apps.app_id = projects.app_id
left join realised on realised.app_id = apps.app_id
where assignments.est_hours_saved is not null
    and apps.start_on <= fiscal_year_end($fiscal_year)
order by projects.project_id
