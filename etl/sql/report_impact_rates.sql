-- one row per programme (silver, gold) and fiscal year up to $fiscal_year: what a year's intake made, for
-- next year's planner. Silver: the intake is the year's Silver nominations and the cohort the people first
-- certified Silver or Gold that year (contract 4.3's cohorts). Gold: the intake is the people who attended
-- a Gold session that year and the cohort those first certified Gold that year. Of a cohort: who built in
-- their first year after certification (c + 1 to c + 365), the apps they made then, those apps' hours
-- saved in the next fiscal year; whether that first year and the next fiscal year are over for everyone by
-- $as_of (else the rates are partial)
with certified as (
    select 'silver' as programme, staff_id, first_on as certified_on, fiscal_year_of(first_on) as cohort
    from mart_dx_talent_people
    union all
    select 'gold', staff_id, min(certified_on), fiscal_year_of(min(certified_on))
    from stg_certifications
    where level = 'gold'
    group by staff_id
),

intake as (
    select 'silver' as programme, fiscal_year as cohort, count(distinct staff_id) as intake
    from stg_nominations
    where level = 'silver'
    group by fiscal_year
    union all
    select 'gold', fiscal_year_of(session_date), count(distinct staff_id)
    from stg_training
    where level = 'gold' and attendance = 'attended'
    group by fiscal_year_of(session_date)
),

first_year_apps as (
    select certified.programme, certified.cohort, certified.staff_id, apps.app_id
    from certified
    inner join mart_apps as apps
        on apps.creator_staff_id = certified.staff_id
        and apps.created_on between certified.certified_on + 1 and certified.certified_on + 365
    where certified.cohort <= $fiscal_year
),

made as (
    select programme, cohort, count(distinct staff_id) as makers, count(*) as apps
    from first_year_apps
    group by all
),

next_year_hours as (
    select first_year_apps.programme, first_year_apps.cohort, exact_sum(usage.hours_saved) as hours_saved
    from first_year_apps
    inner join mart_usage_monthly as usage
        on usage.app_id = first_year_apps.app_id and usage.fiscal_year = first_year_apps.cohort + 1
    group by all
),

cohorts as (
    select programme, cohort, count(*) as people, max(certified_on) as last_certified_on
    from certified
    where cohort <= $fiscal_year
    group by all
),

years as (
    -- a year with an intake and no one certified yet (the year in progress) is listed too
    select programme, cohort from cohorts
    union
    select programme, cohort from intake where cohort <= $fiscal_year
)

select
    years.programme,
    years.cohort as fiscal_year,
    coalesce(intake.intake, 0) as intake,
    coalesce(cohorts.people, 0) as people,
    coalesce(made.makers, 0) as makers,
    coalesce(made.apps, 0) as apps,
    coalesce(next_year_hours.hours_saved, 0) as hours_saved,
    coalesce(
        $as_of::date is not null and cohorts.last_certified_on + 365 <= $as_of::date
        and fiscal_year_end(years.cohort + 1) <= $as_of::date,
        false
    ) as complete
from years
left join cohorts using (programme, cohort)
left join intake using (programme, cohort)
left join made using (programme, cohort)
left join next_year_hours using (programme, cohort)
order by years.programme desc, fiscal_year
