-- one row per bureau (and one for the whole city) for level $level in fiscal year $fiscal_year:
-- people at each step of the funnel, each step counting only people who passed the step before
with people as (
    select * from mart_programme_people
    where fiscal_year = $fiscal_year and level = $level
        and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], bureau_name))
),

available as (
    -- a step with no rows at all for this level and year has no data (not zero)
    select
        bool_or(is_nominated) as has_nominated,
        bool_or(is_trained) as has_trained,
        bool_or(is_submitted) as has_submitted,
        bool_or(is_certified) as has_certified
    from mart_programme_people
    where fiscal_year = $fiscal_year and level = $level
),

flagged as (
    select
        people.*,
        (not available.has_nominated or is_nominated) as in_nominated,
        (not available.has_nominated or is_nominated)
        and (not available.has_trained or is_trained) as in_trained,
        (not available.has_nominated or is_nominated)
        and (not available.has_trained or is_trained)
        and (not available.has_submitted or is_submitted) as in_submitted,
        (not available.has_nominated or is_nominated)
        and (not available.has_trained or is_trained)
        and (not available.has_submitted or is_submitted)
        and is_certified as in_certified
    from people
    cross join available
),

grouped as (
    select
        coalesce(bureau_name, unknown_group()) as bureau_name,
        count(*) filter (where is_nominated) as nominated,
        count(*) filter (where in_trained) as trained,
        count(*) filter (where in_submitted) as submitted,
        count(*) filter (where in_certified) as certified
    from flagged
    group by grouping sets ((coalesce(bureau_name, unknown_group())), ())
),

final as (
    select
        case when grouped.bureau_name is null then all_groups() else grouped.bureau_name end as bureau_name,
        grouped.nominated,
        grouped.trained,
        grouped.submitted,
        grouped.certified,
        available.has_nominated,
        available.has_trained,
        available.has_submitted,
        available.has_certified,
        coalesce(orders.bureau_order, 9999) as bureau_order
    from grouped
    cross join available
    left join stg_bureau_orders as orders on orders.bureau_name = grouped.bureau_name
)

select * from final order by bureau_name <> all_groups(), bureau_order, bureau_name
