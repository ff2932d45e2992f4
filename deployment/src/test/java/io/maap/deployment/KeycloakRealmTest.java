package io.maap.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maap.support.security.AuditLeads;
import io.maap.support.security.CallerJwtConverter;
import io.maap.support.security.MaapRole;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm compose imports into Keycloak (docker/keycloak/maap-realm.json) gives every token what
 * {@link CallerJwtConverter} requires, read as the services read it: every role as a realm role,
 * on every client a mapper for the roles, agency and audit claims, each mapped user attribute
 * declared in the user profile (Keycloak keeps undeclared ones from mappers), and every demo user
 * of an agency role or the audit lead role carrying the attribute that role needs.
 */
class KeycloakRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode realm() throws IOException {
        return JSON.readTree(Repository.root().resolve("docker/keycloak/maap-realm.json").toFile());
    }

    @Test
    void everyRoleTheServicesKnowIsARealmRole() throws IOException {
        Set<String> realmRoles = new TreeSet<>();
        realm().path("roles").path("realm").forEach(role -> realmRoles.add(role.path("name").asText()));
        assertThat(realmRoles).containsAll(Arrays.stream(MaapRole.values()).map(Enum::name).toList());
    }

    @Test
    void everyClientMapsTheClaimsTheServicesRead() throws IOException {
        JsonNode profile = JSON.readTree(realm().path("components").path("org.keycloak.userprofile.UserProfileProvider")
                .get(0).path("config").path("kc.user.profile.config").get(0).asText());
        Set<String> declared = new TreeSet<>();
        profile.path("attributes").forEach(attribute -> declared.add(attribute.path("name").asText()));

        List<String> clients = new ArrayList<>();
        for (JsonNode client : realm().path("clients")) {
            clients.add(client.path("clientId").asText());
            Set<String> claims = new TreeSet<>();
            for (JsonNode mapper : client.path("protocolMappers")) {
                JsonNode config = mapper.path("config");
                assertThat(config.path("access.token.claim").asText()).as("%s's mapper %s in the access token",
                        client.path("clientId").asText(), mapper.path("name").asText()).isEqualTo("true");
                claims.add(config.path("claim.name").asText());
                if (mapper.path("protocolMapper").asText().equals("oidc-usermodel-attribute-mapper")) {
                    assertThat(declared).as("user attribute %s, mapped by %s, declared in the user profile",
                            config.path("user.attribute").asText(), client.path("clientId").asText())
                            .contains(config.path("user.attribute").asText());
                }
            }
            assertThat(claims).as("claims of %s's access tokens", client.path("clientId").asText())
                    .contains(CallerJwtConverter.ROLES_CLAIM, CallerJwtConverter.AGENCY_CLAIM, AuditLeads.AUDIT_CLAIM);
        }
        assertThat(clients).contains("maap-dashboard", "maap-cli");
    }

    @Test
    void everyDemoUserHasTheAttributeItsRoleNeeds() throws IOException {
        int checked = 0;
        for (JsonNode user : realm().path("users")) {
            for (JsonNode roleName : user.path("realmRoles")) {
                MaapRole role = MaapRole.valueOf(roleName.asText());
                String username = user.path("username").asText();
                if (role.agencyScoped()) {
                    assertThat(user.path("attributes").path(CallerJwtConverter.AGENCY_CLAIM).path(0).asText())
                            .as("%s (%s) has an agency", username, role).matches("^[a-z][a-z0-9-]{1,39}$");
                    checked++;
                }
                if (role == MaapRole.AUDIT_LEAD) {
                    assertThat(user.path("attributes").path(AuditLeads.AUDIT_CLAIM).path(0).asText())
                            .as("%s leads an audit", username).isNotBlank();
                    checked++;
                }
            }
        }
        assertThat(checked).as("demo users with an agency or audit role").isGreaterThan(1);
    }
}
