-- the contract's key of app_usage is unique (a later row replaced an earlier one)
select usage_date, app_id, staff_id, granularity, count(*) as copies
from raw_app_usage
group by all
having count(*) > 1
