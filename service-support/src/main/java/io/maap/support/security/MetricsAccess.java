package io.maap.support.security;

import io.maap.support.config.ProductionSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * Who may read {@value #PATH}: a Prometheus scraper, which has no user's JWT. With
 * {@code maap.metrics.token} ({@code MAAP_METRICS_TOKEN}) set, a request must carry
 * {@code Authorization: Bearer <that token>} (Prometheus: {@code authorization: credentials});
 * unset, the endpoint is open as health is, except in the prod profile, where it is then closed.
 * The token is not a JWT, so on this path the resource server does not read bearer tokens.
 */
public final class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {

    public static final String PATH = "/actuator/prometheus";

    private static final Logger log = LoggerFactory.getLogger(MetricsAccess.class);

    private final byte[] token;
    private final boolean openWithoutToken;
    private final DefaultBearerTokenResolver bearerTokens = new DefaultBearerTokenResolver();

    MetricsAccess(String token, boolean openWithoutToken) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.openWithoutToken = openWithoutToken;
    }

    static MetricsAccess from(Environment environment) {
        String token = environment.getProperty("maap.metrics.token");
        boolean production = environment.acceptsProfiles(Profiles.of(ProductionSettings.PROFILE));
        if ((token == null || token.isBlank()) && production) {
            log.warn("{} is closed: set MAAP_METRICS_TOKEN and give it to the Prometheus scraper", PATH);
        }
        return new MetricsAccess(token, !production);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        if (token == null) {
            return new AuthorizationDecision(openWithoutToken);
        }
        String presented = bearerTokens.resolve(context.getRequest());
        return new AuthorizationDecision(presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8)));
    }

    /** Bearer tokens for the resource server: none on the metrics path, where the token is ours. */
    BearerTokenResolver bearerTokenResolver() {
        return request -> isMetrics(request) ? null : bearerTokens.resolve(request);
    }

    private static boolean isMetrics(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }
}
