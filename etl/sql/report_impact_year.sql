-- one row: for fiscal year $fiscal_year, the share of new apps and of hours saved that come from DX
-- talent (an app whose creator's certification day is before its created_on), the Silver and Gold
-- training hours, and the DX-talent apps' hours for each training hour (contract 4.3)
with apps as (
    select
        app_id,
        created_on,
        creator_dx_certified_on is not null and creator_dx_certified_on < created_on as is_dx_talent_app
    from mart_apps
),

new_apps as (
    select count(*) as apps, count(*) filter (where is_dx_talent_app) as dx_talent_apps
    from apps
    where fiscal_year_of(created_on) = $fiscal_year
),

hours as (
    -- hours saved of the year (section 4; a year in progress counts the rows loaded)
    select
        coalesce(exact_sum(usage.hours_saved), 0) as hours_saved,
        coalesce(exact_sum(case when apps.is_dx_talent_app then usage.hours_saved end), 0) as dx_talent_hours
    from mart_usage_monthly as usage
    left join apps using (app_id)
    where usage.fiscal_year = $fiscal_year
),

training as (
    select coalesce(exact_sum(coalesce(minutes, 0)), 0) / 60 as training_hours
    from stg_training
    where level in ('silver', 'gold') and attendance = 'attended' and fiscal_year_of(session_date) = $fiscal_year
)

select
    new_apps.apps,
    new_apps.dx_talent_apps,
    new_apps.dx_talent_apps / nullif(new_apps.apps, 0) as dx_talent_apps_share,
    hours.hours_saved,
    hours.dx_talent_hours,
    hours.dx_talent_hours / nullif(hours.hours_saved, 0) as dx_talent_hours_share,
    training.training_hours,
    hours.dx_talent_hours / nullif(training.training_hours, 0) as dx_talent_hours_per_training_hour
from new_apps, hours, training
