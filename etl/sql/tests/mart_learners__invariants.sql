-- one row per learner; courses, completions and minutes add up to the e-learning rows, none negative,
-- and a learner's first activity is never after the last
select staff_id, 'duplicate' as problem from mart_learners group by staff_id having count(*) > 1
union all
select 'totals', 'rows lost or added' from mart_learners
having sum(courses) <> (select count(*) from stg_elearning)
    or sum(completions) <> (select count(completed_on) from stg_elearning)
    or abs(exact_sum(minutes) - (select exact_sum(minutes) from stg_elearning)) > 1e-6
union all
select staff_id, 'order' from mart_learners where first_activity_on > last_activity_on
union all
select staff_id, 'negative' from mart_learners where minutes < 0 or completions > courses
