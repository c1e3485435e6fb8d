-- one row: apps in operation now, used in the last 90 days of data, and the latest usage date
select
    count(*) filter (where is_in_operation) as in_operation,
    count(*) filter (where last_used_on > latest_usage_date - interval 90 day) as used_last_90_days,
    any_value(latest_usage_date) as latest_usage_date
from mart_apps
