-- the stored key of elearning (staff id, address, course) is unique (a later row replaced an earlier one)
select staff_id, email, course_title, count(*) as copies
from raw_elearning
group by all
having count(*) > 1
