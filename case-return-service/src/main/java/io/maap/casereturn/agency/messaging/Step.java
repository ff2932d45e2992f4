package io.maap.casereturn.agency.messaging;

/** One check or action on an agency message: the value for the next step, or why the message goes no further. */
@FunctionalInterface
interface Step<I, O> {

    Outcome<O> apply(I input);

    /** This step, then {@code next} on what it accepted. */
    default <N> Step<I, N> then(Step<? super O, N> next) {
        return input -> apply(input).then(next);
    }
}
