package io.maap.casereturn.agency.messaging;

/**
 * What a {@link Step} made of an agency message. Only an accepted value goes on to the next step; a
 * rejection is dead-lettered and reported to the agency; a message processed before keeps the
 * outcome it had.
 */
sealed interface Outcome<T> {

    static <T> Outcome<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Outcome<T> rejected(String code, String reason) {
        return new Rejected<>(code, reason);
    }

    <N> Outcome<N> then(Step<? super T, N> next);

    record Accepted<T>(T value) implements Outcome<T> {
        @Override
        public <N> Outcome<N> then(Step<? super T, N> next) {
            return next.apply(value);
        }
    }

    /**
     * @param code   a stable code the agency's system can act on
     * @param reason what was wrong, for a person
     */
    record Rejected<T>(String code, String reason) implements Outcome<T> {
        @Override
        public <N> Outcome<N> then(Step<? super T, N> next) {
            return new Rejected<>(code, reason);
        }
    }

    record AlreadyProcessed<T>(ProcessedAgencyMessage earlier) implements Outcome<T> {
        @Override
        public <N> Outcome<N> then(Step<? super T, N> next) {
            return new AlreadyProcessed<>(earlier);
        }
    }
}
