-- one row per seminar project whose idea estimated hours a year and whose app had started by the end of
-- fiscal year $fiscal_year: the estimate against the hours the app's usage saved in the year, and those
-- hours scaled to a whole year over the days the app could be used in it (from its start, to its
-- retirement or the last usage data), where that was at least $min_days_to_annualise days, a settings rule (metrics.estimate_totals adds them
-- up, an idea taken up twice and an app two projects share counted once)
with reach as (
    select
        make_date($fiscal_year, 4, 1) as year_start,
        least(fiscal_year_end($fiscal_year), coalesce(max(last_counted_on), fiscal_year_end($fiscal_year)))
            as usage_end
    from stg_app_usage_months
    where not is_orphan
),

realised as (
    select app_id, exact_sum(hours_saved) as realised_hours
    from mart_usage_monthly
    where fiscal_year = $fiscal_year
    group by app_id
),

projects as (
    select
        projects.project_id,
        projects.theme,
        projects.team,
        projects.status,
        projects.submission_id,
        projects.idea_title as idea,
        projects.est_hours_saved as estimated_hours,
        projects.app_id,
        projects.app_name,
        -- the idea's maker's highest certification by the year's end: Gold seminar members build ideas
        -- Silver holders had
        case
            when ideas.gold_on <= fiscal_year_end($fiscal_year) then 'gold'
            when ideas.silver_on <= fiscal_year_end($fiscal_year) then 'silver'
        end as maker_level,
        coalesce(realised.realised_hours, 0) as realised_hours,
        greatest(
            date_diff(
                'day',
                greatest(projects.app_start_on, reach.year_start),
                least(reach.usage_end, coalesce(projects.app_retired_on, reach.usage_end))
            ) + 1,
            0
        ) as days_in_use
    from mart_projects as projects
    cross join reach
    left join realised on realised.app_id = projects.app_id
    left join mart_ideas as ideas on ideas.submission_id = projects.submission_id
    where projects.has_idea and projects.has_app
        and projects.est_hours_saved is not null
        and projects.app_start_on <= fiscal_year_end($fiscal_year)
),

final as (
    select
        *,
        case when days_in_use >= $min_days_to_annualise then realised_hours * 365.0 / days_in_use end as realised_hours_a_year,
        realised_hours_a_year / nullif(estimated_hours, 0) as realised_ratio
    from projects
)

select * from final order by project_id
