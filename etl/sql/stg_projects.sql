-- one row per seminar project (a Gold team's theme), with the idea and app it links
with source as (
    select * from raw_projects
),

final as (
    select
        project_id,
        team,
        theme,
        status,
        fiscal_year,
        submission_id,
        app_id,
        presented_on,
        implemented_on
    from source
)

select * from final
