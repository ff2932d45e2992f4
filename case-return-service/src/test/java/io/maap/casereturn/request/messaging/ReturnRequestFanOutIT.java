package io.maap.casereturn.request.messaging;

import io.maap.casereturn.CaseReturnApplication;
import io.maap.casereturn.request.command.RequestReturn;
import io.maap.casereturn.request.query.ReturnRequestView;
import io.maap.casereturn.request.query.ReturnRequestViews;
import io.maap.events.CaseType;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fan-out against the service's real command bus, event store, query model and PostgreSQL:
 * a batch's requests commit in one transaction, and a request failing in a batch does not lose the
 * batch's others (ADR 0021). Each transaction's commit is observed by a Spring transaction
 * synchronization that a command-handler interceptor registers for the request it handles.
 */
class ReturnRequestFanOutIT {

    private static final Object TRANSACTION = new Object();
    private static ConfigurableApplicationContext service;

    private final List<Set<String>> commits = new CopyOnWriteArrayList<>();
    private Registration interceptor;
    private ReturnRequestFanOut fanOut;

    @BeforeAll
    static void start() {
        TestInfrastructure.Database db = TestInfrastructure.newPostgresDatabase("maap_case_return_fan_out");
        service = CaseReturnApplication.builder().run(TestTokens.trusted(
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--server.port=0", "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
                "--spring.cloud.stream.bindings.auditEvents-in-0.group=fan-out-it"));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @AfterEach
    void cancel() {
        interceptor.cancel();
        fanOut.close();
    }

    @Test
    void commitsEachBatchOnceAndAgainChangesNothing() {
        observeCommits(null);
        fanOut = new ReturnRequestFanOut(service.getBean(CommandGateway.class), service.getBean(TransactionManager.class), 2, 50);
        AuditCommissioned audit = audit("fan-out-batched");

        fanOut.requestReturns(audit);

        assertThat(commits).hasSize(2).allSatisfy(batch -> assertThat(batch).hasSize(3));
        assertThat(requestsInQueryModel(audit)).hasSize(6);
        assertThat(eventsOf(audit)).isEqualTo(12);

        commits.clear();
        fanOut.requestReturns(audit); // the commissioning read again

        assertThat(eventsOf(audit)).isEqualTo(12);
        assertThat(requestsInQueryModel(audit)).hasSize(6);
    }

    @Test
    void aRequestFailingInABatchLosesNoneOfTheOthers() {
        AuditCommissioned audit = audit("fan-out-fallback");
        String failing = RequestReturn.idFor(audit.auditId(), "c2", "nelft");
        observeCommits(failing);
        fanOut = new ReturnRequestFanOut(service.getBean(CommandGateway.class), service.getBean(TransactionManager.class), 1, 50);

        assertThatThrownBy(() -> fanOut.requestReturns(audit)).hasMessageContaining("refused for the test");

        // the batch of six never committed; the five others did, one per transaction
        assertThat(commits).hasSize(5).allSatisfy(batch -> assertThat(batch).hasSize(1));
        assertThat(requestsInQueryModel(audit)).hasSize(5).doesNotContain(failing);
        assertThat(eventsOf(audit)).isEqualTo(10);
    }

    /** Notes which requests each committed transaction held; the request {@code failing} is refused. */
    private void observeCommits(String failing) {
        MessageHandlerInterceptor<CommandMessage<?>> observer = (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof RequestReturn request) {
                if (request.returnRequestId().equals(failing)) {
                    throw new IllegalStateException("refused for the test");
                }
                transactionRequests().add(request.returnRequestId());
            }
            return chain.proceed();
        };
        interceptor = service.getBean(CommandBus.class).registerHandlerInterceptor(observer);
    }

    /** The requests of the current transaction, marked by a resource bound for as long as it lasts. */
    @SuppressWarnings("unchecked")
    private Set<String> transactionRequests() {
        Set<String> requests = (Set<String>) TransactionSynchronizationManager.getResource(TRANSACTION);
        if (requests == null) {
            Set<String> current = new HashSet<>();
            TransactionSynchronizationManager.bindResource(TRANSACTION, current);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    commits.add(Set.copyOf(current));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(TRANSACTION);
                }
            });
            requests = current;
        }
        return requests;
    }

    private static List<String> requestsInQueryModel(AuditCommissioned audit) {
        return service.getBean(ReturnRequestViews.class).findByAuditIdOrderByCaseReferenceAscAgencyAsc(audit.auditId())
                .stream().map(ReturnRequestView::getReturnRequestId).collect(Collectors.toList());
    }

    private static long eventsOf(AuditCommissioned audit) {
        EventStore events = service.getBean(EventStore.class);
        return audit.cases().stream().flatMap(sampled -> audit.participatingAgencies().stream()
                        .map(agency -> RequestReturn.idFor(audit.auditId(), sampled.caseReference(), agency)))
                .mapToLong(id -> events.readEvents(id).asStream().count()).sum();
    }

    private static AuditCommissioned audit(String auditId) {
        return new AuditCommissioned(auditId, "programme-1", "Neglect audit", "Neglect", "Lead officer",
                LocalDate.of(2099, 1, 5), LocalDate.of(2099, 2, 2), LocalDate.of(2099, 1, 26), null,
                List.of(new AuditCommissioned.AuditQuestion("q1", "Was the child seen?", true)),
                List.of(new AuditCommissioned.SampledCase("c1", CaseType.CHILD_IN_NEED),
                        new AuditCommissioned.SampledCase("c2", CaseType.LOOKED_AFTER),
                        new AuditCommissioned.SampledCase("c3", CaseType.CHILD_PROTECTION)),
                List.of("met-police", "nelft"));
    }
}
