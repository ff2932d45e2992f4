package io.maap.notification;

import io.maap.support.security.ApiAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.maap.support.security.ApiAccessRules.roles;
import static io.maap.support.security.MaapRole.AGENCY_SPOC;
import static io.maap.support.security.MaapRole.QA_COORDINATOR;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may use the directory (agency webhooks included) and see what was sent: the QA coordinator everything; an agency's
 * SPOC their own agency's entries and notifications (checked per object in the controllers).
 * Template previews are the QA coordinator's.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationSecurity {

    private static final String CONTACT = "/api/contacts/{id}";
    private static final String WEBHOOK = "/api/agency-webhooks/{agency}";

    @Bean
    ApiAccessRules notificationAccessRules() {
        return rules -> rules
                .requestMatchers(GET, "/api/contacts", CONTACT, CONTACT + "/changes", "/api/notifications")
                .hasAnyRole(roles(QA_COORDINATOR, AGENCY_SPOC))
                .requestMatchers(POST, "/api/contacts").hasAnyRole(roles(QA_COORDINATOR, AGENCY_SPOC))
                .requestMatchers(PUT, CONTACT).hasAnyRole(roles(QA_COORDINATOR, AGENCY_SPOC))
                .requestMatchers(DELETE, CONTACT).hasAnyRole(roles(QA_COORDINATOR, AGENCY_SPOC))
                .requestMatchers(GET, "/api/agency-webhooks", WEBHOOK, WEBHOOK + "/changes")
                .hasAnyRole(roles(QA_COORDINATOR, AGENCY_SPOC))
                .requestMatchers(PUT, WEBHOOK).hasAnyRole(roles(QA_COORDINATOR, AGENCY_SPOC))
                .requestMatchers(DELETE, WEBHOOK).hasAnyRole(roles(QA_COORDINATOR, AGENCY_SPOC))
                .requestMatchers(GET, "/api/notification-templates", "/api/notification-templates/{kind}/preview")
                .hasRole(QA_COORDINATOR.name());
    }
}
