-- one row per project that went live on or before the end of fiscal year $fiscal_year from an idea:
-- days from the idea's submission to the live day, with the spread over all of them
select
    project_id,
    theme,
    team,
    idea_title,
    app_name,
    idea_submitted_on,
    live_on,
    fiscal_year_of(live_on) as live_fiscal_year,
    days_idea_to_live,
    count(*) over () as projects_live,
    median(days_idea_to_live) over () as median_days,
    quantile_cont(days_idea_to_live, 0.25) over () as q1_days,
    quantile_cont(days_idea_to_live, 0.75) over () as q3_days,
    min(days_idea_to_live) over () as min_days,
    max(days_idea_to_live) over () as max_days
from mart_projects
where has_idea and live_on <= fiscal_year_end($fiscal_year)
order by live_on, project_id
