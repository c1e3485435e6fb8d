-- certifications: known levels, a date, and a fiscal year that matches the date
select *
from stg_certifications
where level not in ('bronze', 'silver', 'gold')
    or certified_on is null
    or fiscal_year <> fiscal_year_of(certified_on)
