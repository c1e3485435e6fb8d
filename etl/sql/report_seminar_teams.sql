-- one row per Gold seminar team of fiscal year $fiscal_year: its themes and how far they got
select
    team,
    count(distinct theme) as themes,
    string_agg(theme, ' / ' order by project_id) as theme_names,
    count(*) filter (where status = 'idea') as ideas,
    count(*) filter (where status = 'building') as building,
    count(*) filter (where status = 'live') as live,
    min(presented_on) as presented_on
from mart_projects
where fiscal_year = $fiscal_year
group by team
order by min(project_id), team
