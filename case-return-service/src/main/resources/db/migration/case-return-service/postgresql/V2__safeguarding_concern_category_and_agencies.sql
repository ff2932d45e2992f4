-- A safeguarding concern's category (child, vulnerable adult, unsafe practice) and the other
-- agencies to be told (seed 004): both optional, so concerns raised before stay as they are.
-- IF NOT EXISTS: a database Hibernate created before Flyway (baselined at 1) has them already.
ALTER TABLE safeguarding_concern_view ADD COLUMN IF NOT EXISTS category character varying(32);
ALTER TABLE safeguarding_concern_view ADD COLUMN IF NOT EXISTS agencies_to_inform character varying(2000);
