-- the event study's panel (etl/impact.py): one row per person and calendar month, from 12 months before
-- the first certification month to the last whole month on or before $as_of. A person is anyone on a
-- roster or certified; their group is the month of their first Silver or Gold certification (0: none
-- by the panel's end). Outcomes: whether they have built their first app by the month's end, and the
-- hours saved that month by the apps they created
with certified as (
    select staff_id, date_trunc('month', first_on)::date as certified_month
    from mart_dx_talent_people
    where first_on is not null
),

bounds as (
    select
        (min(certified_month) - interval 12 month)::date as first_month,
        -- the month of as_of + 1 day, less one: as_of's own month only when as_of is its last day
        (date_trunc('month', $as_of::date + 1) - interval 1 month)::date as last_month
    from certified
),

months as (
    select unnest(generate_series(first_month, last_month, interval 1 month))::date as month
    from bounds
    where first_month <= last_month
),

people as (
    select staff_id from stg_staff
    union
    select staff_id from certified
),

first_builds as (
    select creator_staff_id as staff_id, date_trunc('month', min(created_on))::date as first_build_month
    from stg_apps
    where creator_staff_id is not null and created_on is not null
    group by creator_staff_id
),

hours as (
    select apps.creator_staff_id as staff_id, usage.usage_month as month, sum(usage.hours_saved) as hours_saved
    from mart_usage_monthly as usage
    inner join stg_apps as apps using (app_id)
    where apps.creator_staff_id is not null
    group by all
),

final as (
    select
        people.staff_id,
        -- months counted from 1 at the panel's first month: the estimator's whole-number periods
        datediff('month', bounds.first_month, months.month) + 1 as period,
        case when certified.certified_month <= bounds.last_month
            then datediff('month', bounds.first_month, certified.certified_month) + 1 else 0 end as first_period,
        (first_builds.first_build_month <= months.month) is true as has_built,
        coalesce(hours.hours_saved, 0)::double as hours_saved
    from people
    cross join months
    cross join bounds
    left join certified using (staff_id)
    left join first_builds using (staff_id)
    left join hours on hours.staff_id = people.staff_id and hours.month = months.month
)

select * from final
