-- one row per fiscal year ($fiscal_years): the headline figures of the data contract, sections 4 and 4.1.
-- Each year comes with three cuts: cumulative figures at $stock_cuts (the year's end, or as_of in a year
-- in progress), flows dated on or before $flow_cuts, usage counted on or before $usage_cuts (the year's end
-- for the year itself; the same day of the year before for 前年同期).
with bounds as (
    select
        unnest($fiscal_years)::integer as fiscal_year,
        unnest($stock_cuts)::date as stock_cut,
        unnest($flow_cuts)::date as flow_cut,
        unnest($usage_cuts)::date as usage_cut
),

certified as (
    select
        bounds.fiscal_year,
        count(distinct certs.staff_id) filter (where certs.level = 'bronze') as certified_bronze,
        count(distinct certs.staff_id) filter (where certs.level = 'silver') as certified_silver,
        count(distinct certs.staff_id) filter (where certs.level = 'gold') as certified_gold
    from bounds
    left join stg_certifications as certs
        on certs.fiscal_year = bounds.fiscal_year and certs.certified_on <= bounds.flow_cut
    group by bounds.fiscal_year
),

dx_talent as (
    -- a person certified silver and later gold counts once: one row per person in the people mart
    select bounds.fiscal_year, count(people.staff_id) as dx_talent_cumulative
    from bounds
    left join mart_dx_talent_people as people on people.first_on <= bounds.stock_cut
    group by bounds.fiscal_year
),

targets as (
    select
        bounds.fiscal_year,
        arg_max(targets.value, targets.fy_from) as dx_talent_target,
        arg_max(targets.fy_to, targets.fy_from) as dx_talent_target_to
    from bounds
    left join stg_targets as targets
        on targets.metric = 'dx_talent'
        and bounds.fiscal_year between targets.fy_from and targets.fy_to
    group by bounds.fiscal_year
),

counted_usage as (
    -- whole months counted by the cut, from the monthly summary
    select bounds.fiscal_year, months.app_id, months.uses, months.minutes_saved_per_use
    from bounds
    inner join stg_app_usage_months as months
        on months.fiscal_year = bounds.fiscal_year
        and months.last_counted_on <= bounds.usage_cut
        and not months.is_orphan
        and not months.is_overlap
    union all
    -- a month the cut falls inside: its day rows up to the cut (same period last year; a month row
    -- counts on its last day, so it is either whole or not yet counted)
    select bounds.fiscal_year, rows.app_id, rows.uses, months.minutes_saved_per_use
    from bounds
    inner join stg_app_usage_months as months
        on months.fiscal_year = bounds.fiscal_year
        and months.granularity = 'day'
        and months.usage_month = date_trunc('month', bounds.usage_cut)
        and months.last_counted_on > bounds.usage_cut
        and not months.is_orphan
        and not months.is_overlap
    inner join raw_app_usage as rows
        on rows.app_id = months.app_id
        and rows.granularity = 'day'
        and rows.usage_date between months.usage_month and bounds.usage_cut
),

usage as (
    select
        bounds.fiscal_year,
        sum_hours_saved(counted_usage.uses, counted_usage.minutes_saved_per_use) as hours_saved,
        count(distinct counted_usage.app_id) filter (where counted_usage.uses > 0) as active_apps
    from bounds
    left join counted_usage using (fiscal_year)
    group by bounds.fiscal_year
),

costs as (
    select
        bounds.fiscal_year,
        coalesce(exact_sum(app_costs.cost_initial_yen), 0) as cost_initial_yen,
        coalesce(exact_sum(app_costs.cost_running_yen), 0) as cost_running_yen,
        coalesce(exact_sum(app_costs.cost_maintenance_yen), 0) as cost_maintenance_yen,
        count(app_costs.app_id) filter (where app_costs.in_operation) as apps_in_operation
    from bounds
    left join app_costs($fiscal_years, $stock_cuts) as app_costs on app_costs.fiscal_year = bounds.fiscal_year
    group by bounds.fiscal_year
),

leaders as (
    select fiscal_year, dept_code
    from stg_nominations
    where level = 'silver'
    group by fiscal_year, dept_code
    having count(distinct staff_id) >= $leaders_per_department  -- the programme's rule (etl/settings.py)
),

coverage as (
    select
        bounds.fiscal_year,
        count(distinct leaders.dept_code) as departments_covered,
        (select count(*) from stg_organizations) as departments_total
    from bounds
    left join leaders
        on leaders.fiscal_year = bounds.fiscal_year
        and leaders.dept_code in (select dept_code from stg_organizations)
    group by bounds.fiscal_year
),

elearning as (
    -- e-learning of known persons (an orphan address is out of stg_elearning): activity and completion
    -- each in the year and by its flow cut
    select
        bounds.fiscal_year,
        count(distinct counted.staff_id) filter (where counted.activity_in_year) as elearning_learners,
        coalesce(exact_sum(case when counted.activity_in_year then counted.minutes end), 0) / 60
            as elearning_hours,
        count(*) filter (where counted.completed_in_year) as elearning_completions
    from bounds
    left join (
        select
            bounds.fiscal_year,
            courses.staff_id,
            courses.minutes,
            courses.fiscal_year = bounds.fiscal_year and courses.activity_on <= bounds.flow_cut
                as activity_in_year,
            fiscal_year_of(courses.completed_on) = bounds.fiscal_year
                and courses.completed_on <= bounds.flow_cut as completed_in_year
        from bounds
        inner join stg_elearning as courses
            on courses.fiscal_year = bounds.fiscal_year
            or fiscal_year_of(courses.completed_on) = bounds.fiscal_year
    ) as counted using (fiscal_year)
    group by bounds.fiscal_year
),

final as (
    select
        bounds.fiscal_year,
        bounds.stock_cut,
        bounds.flow_cut,
        bounds.usage_cut,
        certified.certified_bronze,
        certified.certified_silver,
        certified.certified_gold,
        dx_talent.dx_talent_cumulative,
        targets.dx_talent_target,
        targets.dx_talent_target_to,
        coalesce(usage.hours_saved, 0) as hours_saved,
        costs.cost_initial_yen,
        costs.cost_running_yen,
        costs.cost_maintenance_yen,
        round(costs.cost_initial_yen + costs.cost_running_yen + costs.cost_maintenance_yen)::bigint
            as cost_avoided_cumulative_yen,
        costs.apps_in_operation,
        usage.active_apps,
        coverage.departments_covered,
        coverage.departments_total,
        elearning.elearning_learners,
        elearning.elearning_hours,
        elearning.elearning_completions
    from bounds
    left join certified using (fiscal_year)
    left join dx_talent using (fiscal_year)
    left join targets using (fiscal_year)
    left join usage using (fiscal_year)
    left join costs using (fiscal_year)
    left join coverage using (fiscal_year)
    left join elearning using (fiscal_year)
)

select * from final order by fiscal_year
