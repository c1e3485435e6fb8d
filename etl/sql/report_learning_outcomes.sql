-- two rows for the staff on the roster of fiscal year $fiscal_year: those with e-learning recorded by the
-- year's end and those without; how many are DX talent (Silver or Gold) and app makers by then, and, of
-- the learners, how many became so after a day on which they had certainly learned
with roster as (
    select staff_id
    from stg_staff
    where fiscal_year = $fiscal_year
        and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name))
),

people as (
    select
        roster.staff_id,
        learners.first_activity_on <= fiscal_year_end($fiscal_year) as is_learner,
        learners.first_activity_on,
        talent.first_on as dx_certified_on,
        made.first_app_on
    from roster
    left join mart_learners as learners on learners.staff_id = roster.staff_id
    left join mart_dx_talent_people as talent on talent.staff_id = roster.staff_id
    left join (
        select creator_staff_id as staff_id, min(created_on) as first_app_on
        from stg_apps
        group by creator_staff_id
    ) as made on made.staff_id = roster.staff_id
),

final as (
    select
        coalesce(is_learner, false) as is_learner,
        count(*) as staff,
        count(*) filter (where dx_certified_on <= fiscal_year_end($fiscal_year)) as dx_talent,
        count(*) filter (where first_app_on <= fiscal_year_end($fiscal_year)) as makers,
        count(*) filter (
            where is_learner and dx_certified_on > first_activity_on
                and dx_certified_on <= fiscal_year_end($fiscal_year)
        ) as dx_talent_after_learning,
        count(*) filter (
            where is_learner and first_app_on > first_activity_on
                and first_app_on <= fiscal_year_end($fiscal_year)
        ) as makers_after_learning
    from people
    group by all
)

select
    is_learner,
    staff,
    dx_talent,
    makers,
    -- "after learning" means nothing for those who did not learn: no figure, not zero
    case when is_learner then dx_talent_after_learning end as dx_talent_after_learning,
    case when is_learner then makers_after_learning end as makers_after_learning,
    dx_talent / staff as dx_talent_share,
    makers / staff as maker_share
from final
order by is_learner desc
