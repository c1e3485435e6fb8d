-- one row: apps in operation now, used in the last $recent_use_days days of data (the settings'
-- lowcode.recent_use_days), and the latest usage date
select
    count(*) filter (where is_in_operation) as in_operation,
    count(*) filter (
        where last_used_on > latest_usage_date - to_days(cast($recent_use_days as integer))
    ) as used_recently,
    any_value(latest_usage_date) as latest_usage_date
from mart_apps
