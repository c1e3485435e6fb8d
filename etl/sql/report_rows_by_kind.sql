-- one row per kind of export: rows held in the raw tables now
select 'organizations' as kind, count(*) as rows_held from raw_organizations
union all select 'staff', count(*) from raw_staff
union all select 'nominations', count(*) from raw_nominations
union all select 'training', count(*) from raw_training
union all select 'assignments', count(*) from raw_assignments
union all select 'certifications', count(*) from raw_certifications
union all select 'apps', count(*) from raw_apps
union all select 'app_usage', count(*) from raw_app_usage
union all select 'elearning', count(*) from raw_elearning
union all select 'elearning_users', count(*) from raw_elearning_users
union all select 'projects', count(*) from raw_projects
union all select 'targets', count(*) from raw_targets
