-- How far this service has read each partition of the topics it consumes, written in the same transaction
-- as what the record did: the next offset to read and the newest record's timestamp (Kafka's). The dated
-- check escalates a safeguarding concern only once the case-returns topic is read up to its escalation
-- time, so that a timely acknowledgement still in the backlog after an outage is read first.
create table consumed_position (
    topic varchar(200) not null,
    partition_no integer not null,
    next_offset bigint not null,
    newest_record_at timestamp with time zone not null,
    primary key (topic, partition_no)
);
