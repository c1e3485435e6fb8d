-- one row per e-learning row whose e-mail address is on no roster (kept, out of the figures until a
-- roster gives the address)
select
    elearning.email,
    elearning.course_title,
    elearning.minutes,
    elearning.activity_on,
    sources.source_file,
    elearning.source_row
from raw_elearning as elearning
left join sources on sources.source_id = elearning.source_id
where elearning.staff_id is null
    and not exists (select 1 from raw_staff as roster where roster.email = elearning.email)
order by sources.source_file, elearning.source_row
