-- one row per staff member per course session, with its fiscal year
with source as (
    select * from raw_training
),

final as (
    select
        staff_id,
        course_name,
        course_code,
        level,
        session_date,
        fiscal_year_of(session_date) as fiscal_year,
        attendance,
        minutes
    from source
)

select * from final
