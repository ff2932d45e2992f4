package io.maap.casereturn.agency.messaging;

/** A message whose source and id were dealt with before is not applied again: the agency retries freely with the same id. */
final class SkipProcessed implements Step<Sender, Sender> {

    private final ProcessedAgencyMessages processed;

    SkipProcessed(ProcessedAgencyMessages processed) {
        this.processed = processed;
    }

    @Override
    public Outcome<Sender> apply(Sender sender) {
        return processed.findById(ProcessedAgencyMessage.keyOf(sender.event().source(), sender.event().id()))
                .<Outcome<Sender>>map(Outcome.AlreadyProcessed::new)
                .orElseGet(() -> Outcome.accepted(sender));
    }
}
