-- An agency's own case number is kept sealed (AES-GCM under its audit's data key, docs/security.md):
-- "maap-sealed:v1:<auditId>:<base64>" needs more room than the number. Rows in clear are sealed by
-- the Java migration V3_19 (SealAgencyCaseNumbers).
ALTER TABLE agency_case_number ALTER COLUMN case_number TYPE character varying(1024);

-- A data key made outside the path that publishes it (the migration above, for an audit without a
-- key yet) waits here until it is on maap.audit-keys.v1; every key made before was published.
ALTER TABLE audit_data_key ADD COLUMN IF NOT EXISTS published boolean DEFAULT TRUE NOT NULL;

-- The version of the master key that wrapped each data key (maap.crypto.master-key-version): after a
-- rotation, the keys of older versions are wrapped again under the current one (JdbcAuditKeys.rewrapAll).
ALTER TABLE audit_data_key ADD COLUMN IF NOT EXISTS master_key_version integer DEFAULT 1 NOT NULL;
