-- one row per idea (a submitted assignment): where its maker worked, the maker's certification and
-- apps, and how far the idea got in the seminar projects
with ideas as (
    select * from stg_assignments
),

taken_up as (
    select
        submission_id,
        count(*) as projects,
        string_agg(project_id, ', ' order by project_id) as project_ids,
        min(fiscal_year) as first_project_fiscal_year,
        min(fiscal_year) filter (where status in ('building', 'live')) as first_building_fiscal_year,
        min(live_on) as live_on,
        count(distinct app_id) filter (where has_app) as apps
    from mart_projects
    where has_idea
    group by submission_id
),

talent as (
    select staff_id, silver_on, gold_on from mart_dx_talent_people
),

made as (
    select creator_staff_id as staff_id, count(*) as maker_apps
    from stg_apps
    where creator_staff_id is not null
    group by creator_staff_id
),

final as (
    select
        ideas.submission_id,
        ideas.staff_id,
        roster.name,
        ideas.level,
        ideas.submitted_on,
        ideas.fiscal_year,
        ideas.title,
        ideas.result,
        ideas.est_hours_saved,
        ideas.category,
        roster.dept_code,
        roster.dept_name,
        roster.bureau_name,
        talent.silver_on,
        talent.gold_on,
        coalesce(made.maker_apps, 0) as maker_apps,
        coalesce(taken_up.projects, 0) as projects,
        taken_up.project_ids,
        taken_up.first_project_fiscal_year,
        taken_up.first_building_fiscal_year,
        taken_up.live_on,
        coalesce(taken_up.apps, 0) as apps,
        date_diff('day', ideas.submitted_on, taken_up.live_on) as days_to_live
    from ideas
    left join stg_staff as roster
        on roster.staff_id = ideas.staff_id and roster.fiscal_year = ideas.fiscal_year
    left join taken_up on taken_up.submission_id = ideas.submission_id
    left join talent on talent.staff_id = ideas.staff_id
    left join made on made.staff_id = ideas.staff_id
)

select * from final
