package io.maap.casereturn.agency.messaging;

/** A CloudEvent whose source names an agency; once authenticated, the agency of the topic it came on. */
record Sender(String topic, InboundCloudEvent event, String agency) {
}
