-- one row per person per e-learning course: the latest row of each, its person the staff id the row
-- gives, else the staff member the roster gives its e-mail address to (contract section 2); a row whose
-- address is on no roster is an orphan (report_orphan_elearning), out of every figure
with source as (
    select * from raw_elearning
),

addresses as (
    select * from stg_staff_addresses
),

resolved as (
    select
        coalesce(source.staff_id, addresses.staff_id) as staff_id,
        source.email,
        source.course_title,
        source.category,
        source.minutes,
        source.activity_on,
        source.completed_on,
        source.source_id,
        source.source_row
    from source
    left join addresses on source.staff_id is null and addresses.email = source.email
),

final as (
    select
        staff_id,
        course_title,
        category,
        minutes,
        activity_on,
        completed_on,
        fiscal_year_of(activity_on) as fiscal_year
    from resolved
    where staff_id is not null
    -- a person's course named once by staff id and once by address is one course: the later row stands
    qualify row_number() over (
        partition by staff_id, course_title order by source_id desc, source_row desc
    ) = 1
)

select * from final
