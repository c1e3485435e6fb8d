-- the contract's key of certifications is unique (a later row replaced an earlier one)
select staff_id, level, count(*) as copies
from raw_certifications
group by all
having count(*) > 1
