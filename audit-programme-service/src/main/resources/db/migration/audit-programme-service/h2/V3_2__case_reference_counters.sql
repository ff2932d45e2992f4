-- The last number each programme's sequence of case references gave (ADR 0015). Commissionings
-- lock their programme's row while they take numbers, so that concurrent ones take them in turn.
-- IF NOT EXISTS: a database Hibernate created before Flyway (baselined at 1) has it already.
create table if not exists case_reference_counter (
    programme_id character varying(64) not null primary key,
    last_number integer not null
);
insert into case_reference_counter (programme_id, last_number)
    select programme_id, max(sequence_number) from issued_case_reference i
    where not exists (select 1 from case_reference_counter c where c.programme_id = i.programme_id)
    group by programme_id;
