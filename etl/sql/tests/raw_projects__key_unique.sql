-- the contract's key of projects is unique (a later row replaced an earlier one)
select project_id, count(*) as copies
from raw_projects
group by all
having count(*) > 1
