-- one row per staff member per e-learning course: its last activity and completion, each with the
-- fiscal year it fell in and the bureau the roster of that year puts the learner in (null: on no roster)
with source as (
    select * from stg_elearning
),

final as (
    select
        source.staff_id,
        source.course_title,
        source.category,
        source.minutes,
        source.activity_on,
        source.fiscal_year as activity_fiscal_year,
        active_in.bureau_name as activity_bureau_name,
        source.completed_on,
        fiscal_year_of(source.completed_on) as completion_fiscal_year,
        completed_in.bureau_name as completion_bureau_name
    from source
    left join stg_staff as active_in
        on active_in.staff_id = source.staff_id and active_in.fiscal_year = source.fiscal_year
    left join stg_staff as completed_in
        on completed_in.staff_id = source.staff_id
        and completed_in.fiscal_year = fiscal_year_of(source.completed_on)
)

select * from final
