-- the contract's key of targets is unique (a later row replaced an earlier one)
select metric, fy_from, fy_to, count(*) as copies
from raw_targets
group by all
having count(*) > 1
