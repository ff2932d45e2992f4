package io.maap.casereturn.request.messaging;

import io.maap.casereturn.request.command.RequestReturn;
import io.maap.events.CaseType;
import io.maap.events.auditprogramme.AuditCommissioned;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

class ReturnRequestFanOutTest {

    private static final AuditCommissioned AUDIT = new AuditCommissioned("audit-1", "programme-1", "Neglect audit", "Neglect",
            "Lead officer", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 1, 26), null,
            List.of(new AuditCommissioned.AuditQuestion("q1", "Was the child seen?", true)),
            List.of(new AuditCommissioned.SampledCase("c1", CaseType.CHILD_IN_NEED), new AuditCommissioned.SampledCase("c2", CaseType.LOOKED_AFTER),
                    new AuditCommissioned.SampledCase("c3", CaseType.CHILD_PROTECTION)),
            List.of("met-police", "nelft"));

    private final CommandGateway commands = mock(CommandGateway.class);
    private final Set<RequestReturn> asked = ConcurrentHashMap.newKeySet();
    private ReturnRequestFanOut fanOut;

    @AfterEach
    void close() {
        fanOut.close();
    }

    @Test
    void asksForOneRequestPerCaseAndAgency() {
        doAnswer(call -> asked.add(call.getArgument(0))).when(commands).sendAndWait(any());
        fanOut = new ReturnRequestFanOut(commands, NoTransactionManager.INSTANCE, 4, 50);

        fanOut.requestReturns(AUDIT);

        assertThat(asked).hasSize(6);
        assertThat(asked.stream().map(RequestReturn::returnRequestId).collect(Collectors.toSet()))
                .contains(RequestReturn.idFor("audit-1", "c1", "met-police"), RequestReturn.idFor("audit-1", "c3", "nelft"));
        assertThat(asked).allSatisfy(request -> assertThat(request.auditId()).isEqualTo("audit-1"));
    }

    @Test
    void asksForSeveralAtATime() {
        CountDownLatch together = new CountDownLatch(2);
        Set<Boolean> metAnother = ConcurrentHashMap.newKeySet();
        doAnswer(call -> {
            together.countDown();
            metAnother.add(together.await(30, TimeUnit.SECONDS));
            return null;
        }).when(commands).sendAndWait(any());
        fanOut = new ReturnRequestFanOut(commands, NoTransactionManager.INSTANCE, 2, 50);

        fanOut.requestReturns(AUDIT);

        assertThat(metAnother).containsExactly(true);
    }

    @Test
    void failsWhenOneRequestFailsAfterTheOthersAreDone() {
        doAnswer(call -> {
            RequestReturn request = call.getArgument(0);
            if (request.caseReference().equals("c2") && request.agency().equals("nelft")) {
                throw new IllegalStateException("database unavailable");
            }
            asked.add(request);
            return null;
        }).when(commands).sendAndWait(any());
        fanOut = new ReturnRequestFanOut(commands, NoTransactionManager.INSTANCE, 3, 50);

        assertThatThrownBy(() -> fanOut.requestReturns(AUDIT)).hasMessage("database unavailable");
        assertThat(asked).hasSize(5);
    }

    @Test
    void splitsAnAuditIntoBatchesOfAtMostTheBatchSizeAndAtLeastOnePerWorker() {
        fanOut = new ReturnRequestFanOut(commands, NoTransactionManager.INSTANCE, 4, 50);

        assertThat(fanOut.batchesOf(requests(72))).extracting(List::size).containsExactly(18, 18, 18, 18);
        assertThat(fanOut.batchesOf(requests(1000))).hasSize(20).allSatisfy(batch -> assertThat(batch).hasSize(50));
        assertThat(fanOut.batchesOf(requests(3))).extracting(List::size).containsExactly(1, 1, 1);
        assertThat(fanOut.batchesOf(requests(0))).isEmpty();
    }

    @Test
    void asksForABatchInOneUnitOfWork() {
        Map<RequestReturn, UnitOfWork<?>> unitsOfWork = new ConcurrentHashMap<>();
        doAnswer(call -> unitsOfWork.put(call.getArgument(0), CurrentUnitOfWork.get())).when(commands).sendAndWait(any());
        fanOut = new ReturnRequestFanOut(commands, NoTransactionManager.INSTANCE, 2, 50);

        fanOut.requestReturns(AUDIT);

        assertThat(unitsOfWork).hasSize(6);
        assertThat(Set.copyOf(unitsOfWork.values())).hasSize(2);
    }

    @Test
    void asksForAFailedBatchsRequestsAgainEachOnItsOwn() {
        Map<String, List<Boolean>> inABatch = new ConcurrentHashMap<>();
        doAnswer(call -> {
            RequestReturn request = call.getArgument(0);
            inABatch.computeIfAbsent(request.caseReference() + "/" + request.agency(), key -> new CopyOnWriteArrayList<>())
                    .add(CurrentUnitOfWork.isStarted());
            if (request.caseReference().equals("c1") && request.agency().equals("nelft")) {
                throw new IllegalStateException("refused");
            }
            return null;
        }).when(commands).sendAndWait(any());
        fanOut = new ReturnRequestFanOut(commands, NoTransactionManager.INSTANCE, 1, 50);

        assertThatThrownBy(() -> fanOut.requestReturns(AUDIT)).hasMessage("refused");
        // c1/met-police came before the failure, in the batch and again on its own; those after it only on their own
        assertThat(inABatch.get("c1/met-police")).containsExactly(true, false);
        assertThat(inABatch.get("c1/nelft")).containsExactly(true, false);
        assertThat(inABatch.get("c3/nelft")).containsExactly(false);
        assertThat(inABatch).hasSize(6);
    }

    private static List<RequestReturn> requests(int count) {
        return IntStream.range(0, count).mapToObj(i -> new RequestReturn("r" + i, "audit-1", "programme-1",
                "c" + i, CaseType.CHILD_IN_NEED, "nelft", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 2),
                LocalDate.of(2026, 1, 26), AUDIT.questions())).toList();
    }
}
