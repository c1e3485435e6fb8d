-- one row per staff member with any e-learning activity: courses, minutes, completions, and the first
-- recorded activity (the earliest last-activity date: the export keeps only each course's last, so the
-- person had certainly learned by then)
with source as (
    select * from stg_elearning
),

final as (
    select
        staff_id,
        count(*) as courses,
        count(completed_on) as completions,
        exact_sum(minutes) as minutes,
        min(activity_on) as first_activity_on,
        max(activity_on) as last_activity_on
    from source
    group by staff_id
)

select * from final
