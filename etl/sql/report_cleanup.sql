-- one row per app in operation that needs looking at: no use for 180 days of data, or its maker has
-- left or moved to another bureau
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
    start_on <= latest_usage_date - interval 180 day
    and (last_used_on is null or last_used_on < latest_usage_date - interval 180 day) as is_inactive,
    is_creator_left or is_creator_elsewhere as is_orphaned,
    is_creator_left,
    is_creator_elsewhere
from mart_apps
where is_in_operation
    and (len($bureaus::varchar[]) = 0 or list_contains($bureaus::varchar[], owner_bureau_name))
    and (
        (start_on <= latest_usage_date - interval 180 day
            and (last_used_on is null or last_used_on < latest_usage_date - interval 180 day))
        or is_creator_left or is_creator_elsewhere
    )
order by owner_bureau_name, app_id
