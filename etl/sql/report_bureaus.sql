-- one row per bureau, in the fixed display order every page uses (bureau code, then name)
select bureau_name
from stg_bureau_orders
where bureau_name <> ''
order by bureau_order, bureau_name
