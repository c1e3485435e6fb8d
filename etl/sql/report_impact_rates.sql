-- one row per certified cohort up to $fiscal_year: what a cohort of that year made of its Silver nominations,
-- for next year's planner. Certified people per nomination; of them, the share who built in their first year
-- after certification (c + 1 to c + 365), the apps they made then, and those apps' hours saved in the fiscal
-- year after the cohort's; whether the first year is over for everyone by $as_of (else the rates are partial)
with certified as (
    select staff_id, first_on as certified_on, fiscal_year_of(first_on) as cohort
    from mart_dx_talent_people
    where fiscal_year_of(first_on) <= $fiscal_year
),

first_year_apps as (
    select certified.cohort, certified.staff_id, apps.app_id
    from certified
    inner join mart_apps as apps
        on apps.creator_staff_id = certified.staff_id
        and apps.created_on between certified.certified_on + 1 and certified.certified_on + 365
),

next_year_hours as (
    select first_year_apps.cohort, exact_sum(usage.hours_saved) as hours_saved
    from first_year_apps
    inner join mart_usage_monthly as usage
        on usage.app_id = first_year_apps.app_id and usage.fiscal_year = first_year_apps.cohort + 1
    group by first_year_apps.cohort
),

nominations as (
    select fiscal_year as cohort, count(distinct staff_id) as nominations
    from stg_nominations
    where level = 'silver'
    group by fiscal_year
),

cohorts as (
    select cohort, count(*) as people, max(certified_on) as last_certified_on
    from certified
    group by cohort
),

years as (
    -- a year with nominations and no one certified yet (the year in progress) is listed too
    select cohort from cohorts
    union
    select cohort from nominations where cohort <= $fiscal_year
)

select
    years.cohort as fiscal_year,
    coalesce(nominations.nominations, 0) as nominations,
    coalesce(cohorts.people, 0) as people,
    (select count(distinct staff_id) from first_year_apps as f where f.cohort = years.cohort) as makers,
    (select count(*) from first_year_apps as f where f.cohort = years.cohort) as apps,
    coalesce(next_year_hours.hours_saved, 0) as hours_saved,
    coalesce(
        $as_of::date is not null and cohorts.last_certified_on + 365 <= $as_of::date
        and fiscal_year_end(years.cohort + 1) <= $as_of::date,
        false
    ) as complete
from years
left join cohorts using (cohort)
left join nominations using (cohort)
left join next_year_hours using (cohort)
order by fiscal_year
