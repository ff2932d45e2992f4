-- The last number each programme's sequence of case references gave (ADR 0015). Commissionings
-- lock their programme's row while they take numbers, so that concurrent ones take them in turn.
create table case_reference_counter (
    programme_id character varying(64) not null primary key,
    last_number integer not null
);
insert into case_reference_counter (programme_id, last_number)
    select programme_id, max(sequence_number) from issued_case_reference group by programme_id;
