package io.maap.casereturn.agency.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads the CloudEvent from the record, in either mode of the Kafka binding ({@link InboundCloudEvent}). */
final class ParseCloudEvent implements Step<ConsumerRecord<byte[], byte[]>, Received> {

    @Override
    public Outcome<Received> apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            return Outcome.accepted(new Received(record.topic(), InboundCloudEvent.from(record)));
        } catch (Rejection rejection) {
            return Outcome.rejected(rejection.code(), rejection.getMessage());
        }
    }
}
