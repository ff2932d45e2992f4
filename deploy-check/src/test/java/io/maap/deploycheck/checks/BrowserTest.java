package io.maap.deploycheck.checks;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserTest {

    private static final String LOGIN_PAGE = """
            <html><body>
            <form id="search" action="/search"><input name="q" value=""></form>
            <form id="kc-form-login" onsubmit="login.disabled = true; return true;"
                  action="http://localhost:8180/realms/maap/login-actions/authenticate?session_code=abc&amp;execution=e1&amp;client_id=maap-cli&amp;tab_id=t1" method="post">
              <input tabindex="1" id="username" name="username" value="" type="text" autofocus autocomplete="off" />
              <input tabindex="2" id="password" name="password" type="password" autocomplete="off" />
              <input type="hidden" id="id-hidden-input" name="credentialId" value="c-1"/>
            </form></body></html>
            """;

    @Test
    void readsTheMarkedFormWithItsUnescapedActionAndFields() {
        Browser.Page page = new Browser.Page(URI.create("http://localhost:8180/realms/maap/protocol/openid-connect/auth?x=1"),
                200, null, LOGIN_PAGE);
        Browser.Form form = Browser.form(page, "kc-form-login");
        assertThat(form.action()).isEqualTo(URI.create(
                "http://localhost:8180/realms/maap/login-actions/authenticate?session_code=abc&execution=e1&client_id=maap-cli&tab_id=t1"));
        assertThat(form.fields()).containsExactly(Map.entry("username", ""), Map.entry("password", ""),
                Map.entry("credentialId", "c-1"));
    }

    @Test
    void aRelativeActionResolvesAgainstThePageAndAMissingFormSaysWhere() {
        Browser.Page page = new Browser.Page(URI.create("http://localhost:8080/audits"), 200, null,
                "<form class=\"maap-sign-out\" action=\"/logout\" method=\"post\"><input type=\"hidden\" name=\"_csrf\" value=\"t\"></form>");
        assertThat(Browser.form(page, "maap-sign-out").action()).isEqualTo(URI.create("http://localhost:8080/logout"));
        assertThatThrownBy(() -> Browser.form(page, "kc-form-login")).hasMessageContaining("http://localhost:8080/audits");
    }

    @Test
    void encodesFormsAndReadsRedirectQueries() {
        assertThat(Browser.encode(Map.of("password", "a b&c"))).isEqualTo("password=a+b%26c");
        assertThat(Oidc.query(URI.create("http://127.0.0.1:8765/callback?state=s1&code=a%2Fb")))
                .containsEntry("state", "s1").containsEntry("code", "a/b");
    }
}
