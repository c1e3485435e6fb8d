-- one row per usage record of an app missing from the register (kept, left out of the figures)
select app_id, usage_date, granularity, staff_id, uses, source_file, source_row
from stg_app_usage
where is_orphan
order by app_id, usage_date
