-- one row per licensed person
select staff_id, count(*) as copies
from stg_elearning_users
group by all
having count(*) > 1
