-- monthly usage: known apps only, uses and hours never negative, months on the first day
select *
from mart_usage_monthly
where app_id not in (select app_id from stg_apps)
    or uses < 0
    or hours_saved < 0
    or day(usage_month) <> 1
    or fiscal_year <> fiscal_year_of(usage_month)
