package io.maap.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit lead (seed 000's "Chair of LSCB Learning and Improvement Sub-Group") sees one audit, every agency. */
class AuditLeadsTest {

    private final CallerJwtConverter converter = new CallerJwtConverter();

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("chair.li")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    private boolean granted(Map<String, Object> claims, Map<String, String> variables, String auditParameter) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
        if (auditParameter != null) {
            request.setParameter("auditId", auditParameter);
        }
        var authentication = converter.convert(token(claims));
        return AuditLeads.rolesOrLeadOfTheAudit(MaapRole.QA_COORDINATOR)
                .authorize(() -> authentication, new RequestAuthorizationContext(request, variables)).isGranted();
    }

    private static final Map<String, Object> LEAD = Map.of("roles", List.of("AUDIT_LEAD"), "audit", "rbr-2017-neglect");

    @Test
    void anAuditLeadIsGrantedRequestsAboutTheirAuditByPathOrParameter() {
        assertThat(granted(LEAD, Map.of("auditId", "rbr-2017-neglect"), null)).isTrue();
        assertThat(granted(LEAD, Map.of(), "rbr-2017-neglect")).isTrue();
    }

    @Test
    void anAuditLeadIsRefusedAnotherAuditOrARequestNamingNone() {
        assertThat(granted(LEAD, Map.of("auditId", "rbr-2017-missing"), null)).isFalse();
        assertThat(granted(LEAD, Map.of(), "rbr-2017-missing")).isFalse();
        assertThat(granted(LEAD, Map.of(), null)).isFalse();
        assertThat(granted(LEAD, Map.of("auditId", "rbr-2017-neglect"), "rbr-2017-missing")).isFalse();
    }

    @Test
    void theNamedRolesAreGrantedWhateverTheAudit() {
        assertThat(granted(Map.of("roles", List.of("QA_COORDINATOR")), Map.of(), null)).isTrue();
    }

    @Test
    void anAuditLeadSeesEveryAgencysObjectsOfTheAudit() {
        Caller lead = ((CallerAuthentication) converter.convert(token(LEAD))).caller();
        assertThat(lead.audit()).isEqualTo("rbr-2017-neglect");
        assertThat(lead.mayAccess("met-police")).isTrue();
        assertThat(lead.mayAccess("nelft")).isTrue();
    }

    @Test
    void anAuditLeadTokenWithoutTheAuditIsRefused() {
        assertThatThrownBy(() -> converter.convert(token(Map.of("roles", List.of("AUDIT_LEAD")))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessage("The audit lead role needs the token's audit claim");
    }
}
