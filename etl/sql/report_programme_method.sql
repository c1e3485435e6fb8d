-- one row: what stands behind the programme pages' figures, and what does not link up (for the method panel)
select
    (select count(*) from stg_assignments) as ideas,
    (select count(*) from stg_projects) as projects,
    (select count(*) from stg_elearning) as learning_rows,
    (select count(*) from mart_learners) as learners,
    (select count(*) from mart_projects where submission_id is not null and not has_idea) as unknown_ideas,
    (select count(*) from mart_projects where app_id is not null and not has_app) as unknown_apps,
    (select count(*) from mart_ideas where bureau_name is null) as ideas_off_roster,
    (
        select count(*) from mart_learners
        where staff_id not in (select staff_id from stg_staff)
    ) as learners_off_roster
