-- the contract's key of training is unique (a later row replaced an earlier one)
select staff_id, course_name, session_date, count(*) as copies
from raw_training
group by all
having count(*) > 1
