package io.maap.support.messaging;

import io.maap.events.Topics;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may do what on the broker: each agency only its own topics; the relay writes every agency's outcomes. */
class KafkaAccessControlTest {

    private static List<String> rights(List<AclBinding> acls, String principal) {
        return acls.stream().filter(acl -> acl.entry().principal().equals("User:" + principal))
                .map(acl -> acl.entry().operation() + " " + acl.pattern().resourceType() + " " + acl.pattern().name()
                        + (acl.pattern().patternType() == PatternType.PREFIXED ? "*" : ""))
                .toList();
    }

    @Test
    void anAgencyWritesItsSubmissionsAndReadsItsOutcomesOnly() {
        List<AclBinding> acls = KafkaAccessControl.bindings(List.of("met-police", "nelft"));

        assertThat(rights(acls, "agency-met-police")).containsExactlyInAnyOrder(
                "WRITE TOPIC maap.agency-submissions.v1.met-police", "DESCRIBE TOPIC maap.agency-submissions.v1.met-police",
                "READ TOPIC maap.agency-outcomes.v1.met-police", "DESCRIBE TOPIC maap.agency-outcomes.v1.met-police",
                "READ GROUP agency-met-police", "DESCRIBE GROUP agency-met-police",
                "READ GROUP agency-met-police.*", "DESCRIBE GROUP agency-met-police.*");
        assertThat(acls).filteredOn(acl -> acl.pattern().name().equals(Topics.agencyOutcomes("nelft"))
                        && acl.entry().operation() == AclOperation.READ)
                .extracting(acl -> acl.entry().principal()).containsExactly("User:agency-nelft");
    }

    @Test
    void caseReturnServiceRelaysItsEventsToEveryAgencysOutcomesTopic() {
        List<String> rights = rights(KafkaAccessControl.bindings(List.of()), "case-return-service");

        assertThat(rights).contains("READ TOPIC " + Topics.CASE_RETURN_EVENTS, "WRITE TOPIC " + Topics.AGENCY_OUTCOMES_PREFIX + "*");
        assertThat(rights(KafkaAccessControl.bindings(List.of()), "reporting-service"))
                .noneMatch(right -> right.contains("agency-outcomes"));
    }

    @Test
    void anAgencyCodeMustBeOneTopicNamesCanCarry() {
        assertThatThrownBy(() -> KafkaAccessControl.agencyBindings("Met Police")).hasMessageContaining("Not an agency code");
        assertThatThrownBy(() -> KafkaAccessControl.agencyBindings("met.police")).isInstanceOf(IllegalArgumentException.class);
        assertThat(KafkaAccessControl.agencyBindings("bhrut")).allMatch(acl -> acl.pattern().resourceType() == ResourceType.TOPIC
                ? acl.pattern().name().endsWith(".bhrut") : acl.pattern().name().startsWith("agency-bhrut"));
    }

    @Test
    void eachPrincipalsPasswordHasItsOwnVariable() {
        assertThat(KafkaAccessControl.passwordVariable("agency-lbr-childrens-social-care"))
                .isEqualTo("MAAP_KAFKA_PASSWORD_AGENCY_LBR_CHILDRENS_SOCIAL_CARE");
        assertThat(TopicProvisioner.agencyTopicConfigs("nelft")).containsOnlyKeys(
                "maap.agency-submissions.v1.nelft", "maap.agency-outcomes.v1.nelft");
    }
}
