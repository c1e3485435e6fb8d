-- the stored key of the e-learning user list (staff id, address) is unique
select staff_id, email, count(*) as copies
from raw_elearning_users
group by all
having count(*) > 1
