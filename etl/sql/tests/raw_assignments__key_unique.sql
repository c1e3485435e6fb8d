-- the contract's key of assignments is unique (a later row replaced an earlier one)
select submission_id, count(*) as copies
from raw_assignments
group by all
having count(*) > 1
