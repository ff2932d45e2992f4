-- One table of access records (ADR 0017): the single-return reads that return_access_record kept
-- (queried by GET /api/access-records) are in access_record too, under the resource read and the
-- return request's id. Rows written to both tables since V3_17 are copied once (the same request:
-- correlation id, user, resource and id); the older ones are copied, and the old table dropped.
-- A database Hibernate made before Flyway (baselined at 1) after its entity went has no old table:
-- an empty one stands in for it.
CREATE TABLE IF NOT EXISTS return_access_record (
    id bigint NOT NULL,
    accessed_at timestamp(6) with time zone NOT NULL,
    user_id character varying(128) NOT NULL,
    role character varying(32) NOT NULL,
    user_agency character varying(40),
    return_request_id character varying(64) NOT NULL,
    subject character varying(32) NOT NULL,
    correlation_id character varying(64)
);

INSERT INTO access_record (accessed_at, user_id, role, user_agency, endpoint, resource, object_ids, query, returned,
                           correlation_id)
SELECT r.accessed_at, r.user_id, r.role, r.user_agency, NULL,
       CASE r.subject WHEN 'RETURN_REQUEST' THEN 'return-request' WHEN 'VERSIONS' THEN 'return-versions'
                      ELSE 'safeguarding-concern' END,
       r.return_request_id, NULL, 1, r.correlation_id
FROM return_access_record r
WHERE NOT EXISTS (
    SELECT 1 FROM access_record a
    WHERE a.object_ids = r.return_request_id AND a.user_id = r.user_id
      AND a.resource = CASE r.subject WHEN 'RETURN_REQUEST' THEN 'return-request' WHEN 'VERSIONS' THEN 'return-versions'
                                      ELSE 'safeguarding-concern' END
      AND (a.correlation_id = r.correlation_id OR (r.correlation_id IS NULL AND a.accessed_at = r.accessed_at)))
ORDER BY r.accessed_at, r.id;

DROP TABLE return_access_record;

-- The query by return request reads object_ids.
CREATE INDEX IF NOT EXISTS access_record_by_object ON access_record (object_ids);
