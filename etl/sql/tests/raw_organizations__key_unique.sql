-- the contract's key of organizations is unique (a later row replaced an earlier one)
select dept_code, count(*) as copies
from raw_organizations
group by all
having count(*) > 1
