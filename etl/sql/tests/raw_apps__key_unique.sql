-- the contract's key of apps is unique (a later row replaced an earlier one)
select app_id, count(*) as copies
from raw_apps
group by all
having count(*) > 1
