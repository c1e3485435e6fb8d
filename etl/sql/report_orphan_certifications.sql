-- one row per certification of a staff id that is on no roster of any year (counted, department unknown)
select certs.staff_id, certs.level, certs.certified_on, certs.fiscal_year
from stg_certifications as certs
where not exists (select 1 from stg_staff as roster where roster.staff_id = certs.staff_id)
order by certs.certified_on, certs.staff_id
