-- one row per fiscal year of the Gold seminar: teams, themes, projects presented and gone live
select
    fiscal_year,
    count(distinct team) as teams,
    count(distinct theme) as themes,
    count(*) as projects,
    count(presented_on) as presented,
    count(*) filter (where status = 'live') as live
from mart_projects
group by fiscal_year
order by fiscal_year
