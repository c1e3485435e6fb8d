-- one row per staff member, level and fiscal year
select fiscal_year, level, staff_id, count(*) from mart_programme_people group by all having count(*) > 1
