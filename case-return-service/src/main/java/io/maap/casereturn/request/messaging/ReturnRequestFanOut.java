package io.maap.casereturn.request.messaging;

import io.maap.casereturn.request.command.RequestReturn;
import io.maap.events.auditprogramme.AuditCommissioned;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks for an audit's return requests, one per case and participating agency, several at a time:
 * each request is an aggregate of its own, so they need no order among them, and while one waits
 * for its commit another is handled (ADR 0019). Returns when every one of them is done; if any
 * failed it throws, after the others finished, so that the commissioning is read again (requesting
 * an existing request changes nothing).
 */
public final class ReturnRequestFanOut implements AutoCloseable {

    private final CommandGateway commands;
    private final ExecutorService workers;

    public ReturnRequestFanOut(CommandGateway commands, int parallelism) {
        this.commands = commands;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, parallelism), runnable -> {
            Thread thread = new Thread(runnable, "return-request-fan-out-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public void requestReturns(AuditCommissioned audit) {
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        for (AuditCommissioned.SampledCase sampled : audit.cases()) {
            for (String agency : audit.participatingAgencies()) {
                RequestReturn command = new RequestReturn(RequestReturn.idFor(audit.auditId(), sampled.caseReference(), agency),
                        audit.auditId(), audit.programmeId(), sampled.caseReference(), sampled.caseType(), agency,
                        audit.toolSentOn(), audit.returnDeadline(), audit.reminderDate(), audit.questions(),
                        audit.gradingScale(), audit.policy());
                requests.add(CompletableFuture.runAsync(() -> commands.sendAndWait(command), workers));
            }
        }
        try {
            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
