-- the contract's key of elearning, (person, course_title), is unique once the persons are resolved
select staff_id, course_title, count(*) as copies
from stg_elearning
group by all
having count(*) > 1
