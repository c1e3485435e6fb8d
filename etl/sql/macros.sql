-- shared macros. What a breakdown calls its rows of no known group, and its city-wide row (etl/reports.py
-- names the same two words UNKNOWN and ALL, and a test holds them equal)
create or replace macro unknown_group() as '__unknown__';
create or replace macro all_groups() as '__all__';
-- the fiscal year (April-March) of a date
create or replace macro fiscal_year_of(d) as
    case when month(d) >= 4 then year(d) else year(d) - 1 end;
create or replace macro fiscal_year_end(fy) as make_date(fy + 1, 3, 31);
-- the day a usage row is complete (contract 4.1): a month row counts on its month's last day
create or replace macro counted_on(granularity, usage_date) as
    case when granularity = 'month' then last_day(usage_date) else usage_date end;
-- hours saved by uses at minutes per use, summed exactly (decimal) so that the figure does not change
-- with the order in which parallel threads add it up: the same data always gives the same hours
create or replace macro sum_hours_saved(uses, minutes) as sum(uses * minutes::decimal(18, 6))::double / 60;
-- a sum of a fractional figure (hours, minutes, yen accrued by the day), added up exactly to ten decimal places
-- for the same reason: a float sum's last digits follow the threads' order, and 2,454.65 hours would show
-- as 2,454.6 on one load and 2,454.7 on the next
create or replace macro exact_sum(x) as sum(x::decimal(38, 10))::double;
-- the contract's cost avoided, per app per fiscal year, cut at a date (one formula for every figure that
-- needs it): initial + (annual running + annual maintenance) x days from start to min(cut, retired) / 365.
-- The cut is the year's end, or as_of in a year in progress (contract 4.1): cost accrues only for days
-- that have passed.
create or replace macro app_costs(fiscal_years, cut_dates) as table
    with bounds as (
        select unnest(fiscal_years)::integer as fiscal_year, unnest(cut_dates)::date as cut_on
    ),

    accrued as (
        select
            bounds.fiscal_year,
            bounds.cut_on,
            apps.app_id,
            apps.initial_cost_yen,
            apps.annual_running_cost_yen,
            apps.annual_maintenance_cost_yen,
            greatest(
                date_diff('day', apps.start_on, least(bounds.cut_on, coalesce(apps.retired_on, bounds.cut_on))) + 1,
                0
            ) as days_accrued,
            apps.retired_on is null or apps.retired_on > bounds.cut_on as in_operation
        from bounds
        inner join stg_apps as apps on apps.start_on <= bounds.cut_on
    )

    select
        fiscal_year,
        cut_on,
        app_id,
        days_accrued,
        in_operation,
        initial_cost_yen as cost_initial_yen,
        annual_running_cost_yen * days_accrued / 365.0 as cost_running_yen,
        annual_maintenance_cost_yen * days_accrued / 365.0 as cost_maintenance_yen
    from accrued;
