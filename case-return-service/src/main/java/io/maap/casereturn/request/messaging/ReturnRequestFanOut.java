package io.maap.casereturn.request.messaging;

import io.maap.casereturn.request.command.RequestReturn;
import io.maap.events.auditprogramme.AuditCommissioned;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks for an audit's return requests, one per case and participating agency, in batches of up to
 * {@code batchSize}, each batch one transaction ({@link ReturnRequestBatch}, ADR 0021), several
 * batches at a time: each request is an aggregate of its own, so they need no order among them, and
 * while one batch waits for the database another is handled (ADR 0019). An audit is split into at
 * least as many batches as run at a time, so a small audit still uses them all. Returns when every
 * request is done; if any failed it throws, after the others finished, so that the commissioning is
 * read again (requesting an existing request changes nothing).
 */
public final class ReturnRequestFanOut implements AutoCloseable {

    private final ReturnRequestBatch batches;
    private final int parallelism;
    private final int batchSize;
    private final ExecutorService workers;

    public ReturnRequestFanOut(CommandGateway commands, TransactionManager transactions, int parallelism, int batchSize) {
        this.batches = new ReturnRequestBatch(commands, transactions);
        this.parallelism = Math.max(1, parallelism);
        this.batchSize = Math.max(1, batchSize);
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(this.parallelism, runnable -> {
            Thread thread = new Thread(runnable, "return-request-fan-out-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public void requestReturns(AuditCommissioned audit) {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (List<RequestReturn> batch : batchesOf(requestsOf(audit))) {
            done.add(CompletableFuture.runAsync(() -> batches.request(batch), workers));
        }
        try {
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static List<RequestReturn> requestsOf(AuditCommissioned audit) {
        List<RequestReturn> requests = new ArrayList<>();
        for (AuditCommissioned.SampledCase sampled : audit.cases()) {
            for (String agency : audit.participatingAgencies()) {
                requests.add(new RequestReturn(RequestReturn.idFor(audit.auditId(), sampled.caseReference(), agency),
                        audit.auditId(), audit.programmeId(), sampled.caseReference(), sampled.caseType(), agency,
                        audit.toolSentOn(), audit.returnDeadline(), audit.reminderDate(), audit.questions(),
                        audit.gradingScale(), audit.policy()));
            }
        }
        return requests;
    }

    /** Batches of at most {@code batchSize}, and no fewer than there are workers while there are requests for them. */
    List<List<RequestReturn>> batchesOf(List<RequestReturn> requests) {
        int size = Math.min(batchSize, Math.max(1, (requests.size() + parallelism - 1) / parallelism));
        List<List<RequestReturn>> batches = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += size) {
            batches.add(List.copyOf(requests.subList(from, Math.min(from + size, requests.size()))));
        }
        return batches;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
