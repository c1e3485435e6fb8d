-- an address names one staff member
select email, count(*) as copies
from stg_staff_addresses
group by all
having count(*) > 1
