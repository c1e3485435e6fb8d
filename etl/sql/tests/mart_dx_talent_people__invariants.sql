-- one row per person; the first certification is the earlier of Silver and Gold
select staff_id
from mart_dx_talent_people
group by staff_id
having count(*) > 1
    or any_value(first_on) <> least(coalesce(any_value(silver_on), any_value(gold_on)), coalesce(any_value(gold_on), any_value(silver_on)))
