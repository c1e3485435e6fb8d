-- the contract's key of elearning is unique (a later row replaced an earlier one)
select staff_id, course_title, count(*) as copies
from raw_elearning
group by all
having count(*) > 1
