-- one row per project; only a live project has a live day, and no idea goes live before it was submitted
select project_id, 'duplicate' as problem from mart_projects group by project_id having count(*) > 1
union all
select project_id, 'live day' from mart_projects
where live_on is not null and status <> 'live'
union all
select project_id, 'accepted status' from mart_projects where status not in ('idea', 'building', 'live')
union all
select project_id, 'live before the idea' from mart_projects where days_idea_to_live < 0
