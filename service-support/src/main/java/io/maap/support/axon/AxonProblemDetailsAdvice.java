package io.maap.support.axon;

import io.maap.support.domain.NotVisible;
import io.maap.support.domain.RuleViolation;
import io.maap.support.web.ProblemDetailsAdvice;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Axon's command outcomes as problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AxonProblemDetailsAdvice {

    @ExceptionHandler(AggregateNotFoundException.class)
    public ProblemDetail notFound(AggregateNotFoundException e) {
        return ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No record with id '" + e.getAggregateIdentifier() + "'.");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    public ProblemDetail alreadyExists(AggregateStreamCreationException e) {
        return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "already-exists", "Already exists",
                "A record with this id already exists.");
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ProblemDetail commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuleViolation violation) {
            ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, violation.code(),
                    "Refused by a business rule", violation.getMessage());
            problem.setProperty("code", violation.code());
            return problem;
        }
        if (cause instanceof NotVisible notVisible) {
            return ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", notVisible.getMessage());
        }
        if (cause instanceof EventStoreException) {
            return ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                    "The record was changed at the same time; retry the request.");
        }
        return ProblemDetailsAdvice.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The command could not be completed; it has been logged.");
    }
}
