package io.maap.support.access;

import io.maap.support.security.Caller;
import io.maap.support.security.CallerAuthentication;
import io.maap.support.security.MaapRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessRecordsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");

    private final List<AccessRecord> saved = new ArrayList<>();
    private final AccessRecords records = new AccessRecords(new AccessRecordStore() {
        @Override
        public void save(AccessRecord record) {
            saved.add(record);
        }

        @Override
        public List<AccessRecord> between(Instant from, Instant to, int limit) {
            return saved;
        }
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aListReadRecordsWhoWhenTheEndpointTheQueryAndHowManyItemsItReturned() {
        as("spoc.met", MaapRole.AGENCY_SPOC, "met-police");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/return-requests");
        request.setQueryString("agency=met-police&outstanding=false");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        records.list("return-request", List.of("rr-1", "rr-2"), 2);

        assertThat(saved).containsExactly(new AccessRecord(NOW, "spoc.met", "AGENCY_SPOC", "met-police",
                "GET /api/return-requests", "return-request", "rr-1 rr-2", "agency=met-police&outstanding=false", 2, null));
    }

    @Test
    void anObjectReadRecordsItsIdsAndAPartnershipWideCallerHasNoAgency() {
        as("qa.coordinator", MaapRole.QA_COORDINATOR, null);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(
                new MockHttpServletRequest("GET", "/api/return-requests/rr-9/versions")));

        records.read("return-versions", List.of("rr-9"));

        AccessRecord record = saved.get(0);
        assertThat(record.role()).isEqualTo("QA_COORDINATOR");
        assertThat(record.userAgency()).isNull();
        assertThat(record.endpoint()).isEqualTo("GET /api/return-requests/rr-9/versions");
        assertThat(record.objectIds()).isEqualTo("rr-9");
        assertThat(record.query()).isNull();
        assertThat(record.returned()).isEqualTo(1);
    }

    @Test
    void aLongListOfIdsIsCutToTheColumnSizeAndMarked() {
        as("qa.coordinator", MaapRole.QA_COORDINATOR, null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add("return-request-" + i);
        }

        records.list("return-request", ids, ids.size());

        assertThat(saved.get(0).objectIds()).hasSize(AccessRecords.MAX_IDS).endsWith("…");
        assertThat(saved.get(0).returned()).isEqualTo(1000);
    }

    @Test
    void withoutAnAuthenticatedCallerNothingIsReadSoNothingIsRecorded() {
        assertThatThrownBy(() -> records.read("return-request", List.of("rr-1"))).isInstanceOf(IllegalStateException.class);
        assertThat(saved).isEmpty();
    }

    private static void as(String user, MaapRole role, String agency) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(user).build();
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(jwt, new Caller(user, Set.of(role), agency)));
    }
}
