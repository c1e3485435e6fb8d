-- one row per app in operation that needs looking at: no use for $inactive_days days of data (the
-- settings' lowcode.inactive_days), or its maker has left or moved to another bureau
with source as (
    select
        *,
        latest_usage_date - to_days(cast($inactive_days as integer)) as inactive_before
    from mart_apps
    where is_in_operation
        and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], owner_bureau_name))
),

final as (
    select
        app_id,
        app_name,
        owner_bureau_name,
        owner_dept_name,
        creator_staff_id,
        start_on,
        last_used_on,
        creator_left_on,
        creator_bureau_name,
        start_on <= inactive_before
        and (last_used_on is null or last_used_on < inactive_before) as is_inactive,
        is_creator_left or is_creator_elsewhere as is_orphaned,
        is_creator_left,
        is_creator_elsewhere
    from source
)

select * from final
where is_inactive or is_orphaned
order by owner_bureau_name, app_id
