package io.maap.deploycheck.checks;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dashboard as a person uses it: opening it sends them to Keycloak's login page, signing in
 * there brings them back signed in; signing out ends the dashboard's session and Keycloak's, so
 * that opening the dashboard again asks for the password again.
 */
public final class DashboardSignIn {

    private DashboardSignIn() {
    }

    public static String check(Browser browser, String dashboardUrl, String realmUrl, String user, String password) throws Exception {
        Browser.Page login = browser.follow(browser.get(URI.create(dashboardUrl + "/")), null);
        if (!login.uri().toString().startsWith(realmUrl + "/protocol/openid-connect/auth")) {
            throw new IllegalStateException("opening the dashboard did not lead to Keycloak's login page but to " + login.uri()
                    + " (HTTP " + login.status() + ")");
        }
        Browser.Form form = Browser.form(login, "kc-form-login");
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put("username", user);
        fields.put("password", password);
        Browser.Page home = browser.follow(browser.post(form.action(), fields), null);
        if (home.status() != 200 || !home.uri().toString().startsWith(dashboardUrl) || !home.body().contains("maap-sign-out")) {
            throw new IllegalStateException("after signing in: HTTP " + home.status() + " at " + home.uri() + ", no sign-out button");
        }
        Browser.Form signOut = Browser.form(home, "maap-sign-out");
        Browser.Page out = browser.post(signOut.action(), signOut.fields());
        URI next = out.next();
        if (next == null || !next.toString().startsWith(realmUrl + "/protocol/openid-connect/logout")) {
            throw new IllegalStateException("signing out did not go to Keycloak's end-session endpoint but to " + next
                    + ": the Keycloak session stays open");
        }
        Browser.Page after = browser.follow(out, null);
        Browser.Page again = browser.follow(browser.get(URI.create(dashboardUrl + "/")), null);
        if (!again.uri().toString().startsWith(realmUrl) || !again.body().contains("kc-form-login")) {
            throw new IllegalStateException("after signing out, opening the dashboard led to " + again.uri()
                    + " without asking for the password: the Keycloak session is still open");
        }
        return "dashboard → Keycloak login page → signed in (" + user + "); sign-out → Keycloak end-session → back at "
                + after.uri().getPath() + "; opening the dashboard again asks for the password";
    }
}
