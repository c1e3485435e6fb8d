-- one row per staff member per e-learning course
with source as (
    select * from raw_elearning
),

final as (
    select
        staff_id,
        course_title,
        category,
        minutes,
        activity_on,
        completed_on,
        fiscal_year_of(activity_on) as fiscal_year
    from source
)

select * from final
