-- one row per certified cohort (the fiscal year of a person's first Silver or Gold) up to $fiscal_year:
-- its people who built an app in the 365 days before and after their certification day, against the
-- colleagues not certified by the cohort's reference day + 365, over the same days (contract 4.3)
with certified as (
    -- a person's certification day c: their earliest Silver or Gold certified_on (mart_dx_talent_people)
    select staff_id, first_on as certified_on, fiscal_year_of(first_on) as cohort
    from mart_dx_talent_people
),

builds as (
    -- a person builds on day d when they are the creator of an app created on d (retired or not)
    select distinct creator_staff_id as staff_id, created_on as built_on
    from stg_apps
    where creator_staff_id is not null and created_on is not null
),

cohorts as (
    select
        cohort as fiscal_year,
        count(*) as people,
        -- the reference day r: the lower median of the members' c (0-based index floor((n - 1) / 2))
        list_sort(list(certified_on))[(count(*) - 1) // 2 + 1] as reference_day,
        max(certified_on) as last_certified_on
    from certified
    where cohort <= $fiscal_year
    group by cohort
),

comparison as (
    -- staff on the cohort year's roster with no Silver or Gold certification on or before r + 365
    select cohorts.fiscal_year, roster.staff_id, cohorts.reference_day
    from cohorts
    inner join (select distinct fiscal_year, staff_id from stg_staff) as roster using (fiscal_year)
    left join certified using (staff_id)
    where certified.certified_on is null or certified.certified_on > cohorts.reference_day + 365
),

anchored as (
    -- each person with the day their windows turn on: a member's own c, a comparison member's r
    select cohort as fiscal_year, staff_id, certified_on as anchor_on, true as is_member
    from certified
    where cohort <= $fiscal_year
    union all
    select fiscal_year, staff_id, reference_day, false from comparison
),

windows as (
    -- 365 days before and after the anchor, the day itself in neither
    select
        anchored.fiscal_year,
        anchored.is_member,
        anchored.staff_id,
        coalesce(bool_or(builds.built_on between anchored.anchor_on - 365 and anchored.anchor_on - 1), false)
            as built_before,
        coalesce(bool_or(builds.built_on between anchored.anchor_on + 1 and anchored.anchor_on + 365), false)
            as built_after
    from anchored
    left join builds using (staff_id)
    group by all
),

counted as (
    select
        fiscal_year,
        count(*) filter (where is_member and built_before) as makers_before,
        count(*) filter (where is_member and built_after) as makers_after,
        count(*) filter (where not is_member) as comparison_people,
        count(*) filter (where not is_member and built_before) as comparison_makers_before,
        count(*) filter (where not is_member and built_after) as comparison_makers_after
    from windows
    group by fiscal_year
),

final as (
    select
        cohorts.fiscal_year,
        cohorts.people,
        cohorts.reference_day,
        -- every member's after-window, and the comparison's, ends on or before as_of
        $as_of::date is not null and cohorts.last_certified_on + 365 <= $as_of::date
        and cohorts.reference_day + 365 <= $as_of::date as window_complete,
        counted.makers_before,
        counted.makers_after,
        counted.comparison_people,
        counted.comparison_makers_before,
        counted.comparison_makers_after
    from cohorts
    inner join counted using (fiscal_year)
)

select
    *,
    case when people > 0 and comparison_people > 0 then
        100.0 * ((makers_after - makers_before) / people
            - (comparison_makers_after - comparison_makers_before) / comparison_people)
    end as difference_pp
from final
order by fiscal_year
