-- one row per certified cohort and level (gold where the person is Gold by $as_of, else silver), cohorts up
-- to $fiscal_year: who builds after certification (contract 4.3's people and days): the people, those who
-- made an app after their certification day, the apps they made then and the hours those apps saved up to
-- $fiscal_year, and the days from certification to their first app (the lower median)
with certified as (
    select
        staff_id,
        first_on as certified_on,
        fiscal_year_of(first_on) as cohort,
        case when gold_on is not null and gold_on <= $as_of::date then 'gold' else 'silver' end as level
    from mart_dx_talent_people
    where fiscal_year_of(first_on) <= $fiscal_year
),

apps_after as (
    -- an app a person made after their certification day
    select certified.staff_id, apps.app_id, apps.created_on
    from certified
    inner join mart_apps as apps
        on apps.creator_staff_id = certified.staff_id and apps.created_on > certified.certified_on
    where fiscal_year_of(apps.created_on) <= $fiscal_year
),

hours as (
    select app_id, exact_sum(hours_saved) as hours_saved
    from mart_usage_monthly
    where fiscal_year <= $fiscal_year
    group by app_id
),

people as (
    select
        certified.cohort,
        certified.level,
        certified.staff_id,
        count(apps_after.app_id) as apps,
        coalesce(exact_sum(hours.hours_saved), 0) as hours_saved,
        min(apps_after.created_on) - any_value(certified.certified_on) as days_to_first_app
    from certified
    left join apps_after using (staff_id)
    left join hours using (app_id)
    group by all
)

select
    cohort as fiscal_year,
    level,
    count(*) as people,
    count(*) filter (where apps > 0) as makers,
    sum(apps)::integer as apps,
    exact_sum(hours_saved) as hours_saved,
    -- the lower median of the makers' days from certification to their first app
    list_sort(list(days_to_first_app) filter (where days_to_first_app is not null))[
        (count(*) filter (where days_to_first_app is not null) - 1) // 2 + 1
    ] as median_days_to_first_app
from people
group by all
order by fiscal_year, level desc
