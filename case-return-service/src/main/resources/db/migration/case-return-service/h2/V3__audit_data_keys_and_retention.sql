-- Envelope encryption of sensitive text (ADR 0016): each audit's data key, wrapped by the master
-- key from configuration; destroying it (crypto-shredding) leaves no key, only when, by whom, why.
CREATE TABLE IF NOT EXISTS audit_data_key (
    audit_id character varying(255) NOT NULL,
    wrapped_key varbinary(128),
    created_at timestamp(6) with time zone NOT NULL,
    shredded_at timestamp(6) with time zone,
    shredded_by character varying(255),
    shred_reason character varying(64),
    CONSTRAINT audit_data_key_pkey PRIMARY KEY (audit_id)
);

-- What the retention policy needs: when each audit closed and which partnership its programme belongs to.
CREATE TABLE IF NOT EXISTS audit_retention (
    audit_id character varying(255) NOT NULL,
    programme_id character varying(255),
    closed_on date,
    CONSTRAINT audit_retention_pkey PRIMARY KEY (audit_id)
);

CREATE TABLE IF NOT EXISTS programme_partnership (
    programme_id character varying(255) NOT NULL,
    partnership character varying(255) NOT NULL,
    CONSTRAINT programme_partnership_pkey PRIMARY KEY (programme_id)
);
