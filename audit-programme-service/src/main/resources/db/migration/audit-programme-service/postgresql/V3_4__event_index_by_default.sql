-- The event store's global index is the column's default, one number of domain_event_entry_seq per
-- row, so Axon's JDBC storage engine appends a command's events in one batched insert without
-- naming the index (ADR 0025). Rows inserted with an index of their own are unaffected.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
