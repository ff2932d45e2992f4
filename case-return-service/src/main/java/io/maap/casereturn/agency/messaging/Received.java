package io.maap.casereturn.agency.messaging;

/** A CloudEvent as read from an agency's topic. */
record Received(String topic, InboundCloudEvent event) {
}
