package io.maap.deploycheck.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signing in at Keycloak as a person does with the command-line client {@code maap-cli}:
 * authorization code with PKCE (S256), the person typing their name and password into
 * Keycloak's own login page; then the code exchanged for tokens.
 */
public final class Oidc {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "maap-cli";
    private static final String REDIRECT = "http://127.0.0.1:8765/callback";

    private Oidc() {
    }

    /** The access token, after signing in on the login page of {@code realmUrl} (e.g. http://localhost:8180/realms/maap). */
    public static String signIn(Browser browser, String realmUrl, String user, String password) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String verifier = base64Url(bytes);
        String challenge = base64Url(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = Long.toHexString(random.nextLong());
        URI authorize = URI.create(realmUrl + "/protocol/openid-connect/auth?response_type=code&client_id=" + CLIENT
                + "&scope=openid&state=" + state + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256");
        Browser.Page login = browser.get(authorize);
        Browser.Form form = Browser.form(login, "kc-form-login");
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put("username", user);
        fields.put("password", password);
        Browser.Page answer = browser.post(form.action(), fields);
        if (answer.location() == null || !answer.location().startsWith(REDIRECT)) {
            throw new IllegalStateException("Keycloak did not redirect back with a code (HTTP " + answer.status() + ")");
        }
        Map<String, String> query = query(URI.create(answer.location()));
        if (!state.equals(query.get("state")) || query.get("code") == null) {
            throw new IllegalStateException("redirect without the state or a code: " + answer.location());
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", CLIENT);
        exchange.put("code", query.get("code"));
        exchange.put("redirect_uri", REDIRECT);
        exchange.put("code_verifier", verifier);
        Browser.Page tokens = browser.post(URI.create(realmUrl + "/protocol/openid-connect/token"), exchange);
        if (tokens.status() != 200) {
            throw new IllegalStateException("token endpoint answered " + tokens.status() + ": " + tokens.body());
        }
        return JSON.readTree(tokens.body()).get("access_token").asText();
    }

    /** The claims of a JWT (not verified: the services verify it). */
    public static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
