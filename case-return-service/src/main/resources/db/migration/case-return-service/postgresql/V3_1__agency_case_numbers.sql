-- An agency's own case number for a case the partnership referenced, kept by the agency's SPOC and
-- held apart from the returns (docs/security.md, ADR 0015): the one place that mapping lives.
-- IF NOT EXISTS: a database Hibernate created before Flyway (baselined at 1) has it already.
create table if not exists agency_case_number (
    return_request_id character varying(64) not null primary key,
    agency character varying(40) not null,
    case_number character varying(64) not null,
    recorded_by character varying(128) not null,
    recorded_at timestamp(6) with time zone not null
);
