-- The event store's global index is taken one number at a time when an event is inserted, not in
-- blocks of 50 per instance (META-INF/maap-event-store-orm.xml): with two instances, blocks put the
-- index out of commit order and an aggregate's events could be relayed out of their order.
-- The next number follows every one already handed out.
alter sequence domain_event_entry_seq increment by 1;
