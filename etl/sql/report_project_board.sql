-- one row per seminar project of fiscal year $fiscal_year: status, team, theme, the idea and app it links
select
    project_id,
    status,
    team,
    theme,
    presented_on,
    implemented_on,
    live_on,
    submission_id,
    idea_title,
    est_hours_saved,
    app_id,
    app_name,
    has_idea,
    has_app
from mart_projects
where fiscal_year = $fiscal_year
order by case status when 'idea' then 1 when 'building' then 2 else 3 end, project_id
