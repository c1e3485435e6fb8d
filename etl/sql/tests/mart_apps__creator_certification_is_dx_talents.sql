-- an app's creator_dx_certified_on is its creator's certification day c of contract 4.3 (mart_dx_talent_people's
-- first Silver or Gold), and null exactly where the creator is no DX talent: the impact shares rest on it
select apps.app_id, apps.creator_dx_certified_on, talent.first_on
from mart_apps as apps
left join mart_dx_talent_people as talent on talent.staff_id = apps.creator_staff_id
where apps.creator_dx_certified_on is distinct from talent.first_on
