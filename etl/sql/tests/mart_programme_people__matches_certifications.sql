-- every certification appears once in the funnel, in its own fiscal year and level
select certs.*
from stg_certifications as certs
left join mart_programme_people as people
    on people.staff_id = certs.staff_id and people.level = certs.level
    and people.fiscal_year = certs.fiscal_year and people.is_certified
where people.staff_id is null
