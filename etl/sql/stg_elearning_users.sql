-- one row per person with a licence of the e-learning service: the latest row of each, its person found as
-- for e-learning rows (stg_elearning); an address on no roster is left out
with source as (
    select * from raw_elearning_users
),

addresses as (
    select * from stg_staff_addresses
),

final as (
    select
        coalesce(source.staff_id, addresses.staff_id) as staff_id,
        source.license,
        source.status,
        source.joined_on
    from source
    left join addresses on source.staff_id is null and addresses.email = source.email
    where coalesce(source.staff_id, addresses.staff_id) is not null
    qualify row_number() over (
        partition by coalesce(source.staff_id, addresses.staff_id)
        order by source.source_id desc, source.source_row desc
    ) = 1
)

select * from final
