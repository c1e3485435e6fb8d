-- the contract's key of nominations is unique (a later row replaced an earlier one)
select fiscal_year, staff_id, level, count(*) as copies
from raw_nominations
group by all
having count(*) > 1
