-- one row per idea, as many as were submitted; its projects are those that name it; it goes live
-- only through a project, never before it was taken up
select submission_id, 'duplicate' as problem from mart_ideas group by submission_id having count(*) > 1
union all
select 'count', 'ideas lost or added' from mart_ideas
having count(*) <> (select count(*) from stg_assignments)
union all
select submission_id, 'projects' from mart_ideas
where projects <> (select count(*) from mart_projects where mart_projects.submission_id = mart_ideas.submission_id)
union all
select submission_id, 'live without a project' from mart_ideas where live_on is not null and projects = 0
union all
select submission_id, 'accepted result' from mart_ideas where result not in ('pass', 'fail', 'resubmit')
union all
select submission_id, 'negative estimate' from mart_ideas where est_hours_saved < 0
