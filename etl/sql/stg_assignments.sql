-- one row per submitted assignment (workplace-improvement idea), with its fiscal year
with source as (
    select * from raw_assignments
),

final as (
    select
        submission_id,
        staff_id,
        level,
        submitted_on,
        fiscal_year_of(submitted_on) as fiscal_year,
        title,
        result,
        est_hours_saved,
        category
    from source
)

select * from final
