package io.maap.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestLimitsFilterTest {

    private final RequestLimitsFilter filter = new RequestLimitsFilter(1024);

    @Test
    void aBodyLongerThanTheLimitIsRefusedUnreadWith413() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/audits");
        request.setContent(new byte[2048]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("urn:maap:problem:request-too-large").contains("\"status\":413");
        assertThat(chain.getRequest()).as("not passed on").isNull();
    }

    @Test
    void aBodyOfUnknownLengthMayBeReadOnlyUpToTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/audits") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(new byte[2048]);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        InputStream body = chain.getRequest().getInputStream();
        assertThatThrownBy(body::readAllBytes).isInstanceOf(RequestTooLargeException.class);
    }

    @Test
    void queryStringsThatAreNotUtf8OrHoldControlCharactersAreRefused() {
        assertThat(RequestLimitsFilter.queryProblem("agency=met-police&size=5&q=caf%C3%A9+x")).isNull();
        assertThat(RequestLimitsFilter.queryProblem("a=%00")).contains("control characters");
        assertThat(RequestLimitsFilter.queryProblem("a%0A=1")).contains("control characters");
        assertThat(RequestLimitsFilter.queryProblem("a=%C0%AE")).contains("UTF-8");
        assertThat(RequestLimitsFilter.queryProblem("a=%FF")).contains("UTF-8");
        assertThat(RequestLimitsFilter.queryProblem("a=%4")).contains("UTF-8");
        assertThat(RequestLimitsFilter.queryProblem("a=%zz")).contains("UTF-8");
    }

    @Test
    void aMalformedAcceptHeaderIsRefusedWith400() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/actions");
        request.addHeader("Accept", "application/json;q=abc");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Accept header");
        assertThat(RequestLimitsFilter.acceptable("application/xml, */*;q=0.1")).isTrue();
    }
}
