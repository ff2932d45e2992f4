-- The case references the partnership issued to sampled cases, from each programme's sequence
-- (docs/security.md, ADR 0015): the number taken, and the audit and sample position it went to.
-- IF NOT EXISTS: a database Hibernate created before Flyway (baselined at 1) has it already.
create table if not exists issued_case_reference (
    case_reference character varying(24) not null primary key,
    programme_id character varying(64) not null,
    sequence_number integer not null,
    audit_id character varying(64) not null,
    sample_position integer not null,
    issued_at timestamp(6) with time zone not null,
    constraint issued_case_reference_sequence unique (programme_id, sequence_number),
    constraint issued_case_reference_sample unique (audit_id, sample_position)
);
