package io.maap.casereturn.request.messaging;

import io.maap.casereturn.request.command.RequestReturn;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Asks for a batch of return requests in one unit of work and one transaction, so the batch pays
 * for one commit instead of one per request (ADR 0021). Each command still goes through the
 * command bus, in a unit of work of its own that Axon nests in this one: the nested unit of work
 * hands its events to this one when it commits, so the batch's events are appended together (and
 * the subscribing query processor writes their rows) when this one prepares to commit; its
 * deadlines are scheduled in the same transaction, which Spring's transaction manager lets every
 * nested command join. Nothing is stored until the whole batch commits.
 *
 * <p>If any request of the batch fails, or the commit does, the whole batch is rolled back (a
 * failed statement spoils the transaction on PostgreSQL anyway) and its requests are asked for
 * again one per transaction, as before batching: one bad request does not lose the others. The
 * first failure of those is thrown once all of them were tried, so that the commissioning is read
 * again; requesting an existing request changes nothing.
 */
final class ReturnRequestBatch {

    private static final Logger log = LoggerFactory.getLogger(ReturnRequestBatch.class);

    private final CommandGateway commands;
    private final TransactionManager transactions;

    ReturnRequestBatch(CommandGateway commands, TransactionManager transactions) {
        this.commands = commands;
        this.transactions = transactions;
    }

    /** Asks for every request of the batch; throws the first failure after all were tried. */
    void request(List<RequestReturn> batch) {
        if (batch.size() > 1) {
            try {
                requestTogether(batch);
                return;
            } catch (RuntimeException e) {
                log.warn("A batch of {} return requests of audit {} failed ({}); asking for them one at a time",
                        batch.size(), batch.get(0).auditId(), e.toString());
            }
        }
        requestOneByOne(batch);
    }

    private void requestTogether(List<RequestReturn> batch) {
        if (CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("A batch of return requests must be its own unit of work");
        }
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>(batch.size()));
        unitOfWork.attachTransaction(transactions);
        try {
            batch.forEach(commands::sendAndWait);
        } catch (RuntimeException | Error e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit(); // rolls back and throws if preparing or committing fails
    }

    private void requestOneByOne(List<RequestReturn> batch) {
        RuntimeException failure = null;
        for (RequestReturn request : batch) {
            try {
                commands.sendAndWait(request);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
