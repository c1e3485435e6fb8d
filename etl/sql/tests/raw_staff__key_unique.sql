-- the contract's key of staff is unique (a later row replaced an earlier one)
select fiscal_year, staff_id, count(*) as copies
from raw_staff
group by all
having count(*) > 1
