-- one row per e-mail address on a roster: the staff member of the latest roster row that gives it (how
-- the e-learning service's people are found, contract section 2)
with source as (
    select * from raw_staff
),

final as (
    select email, staff_id
    from source
    where email is not null
    qualify row_number() over (partition by email order by fiscal_year desc, staff_id) = 1
)

select * from final
