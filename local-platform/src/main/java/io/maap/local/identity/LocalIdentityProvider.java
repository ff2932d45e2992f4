package io.maap.local.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The local run's OpenID Connect provider: Spring Authorization Server with the demo users
 * ({@link DemoUsers}), signing with the local key. Access tokens carry what MAAP's services
 * read: {@code sub}, {@code roles}, {@code agency} and the audience {@code maap-api}. Clients:
 * {@code maap-cli} (public, PKCE; used by {@code ./token.sh}) and {@code maap-dashboard}.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class,
        OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class})
public class LocalIdentityProvider {

    public static final String AUDIENCE = "maap-api";
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

    private final RSAKey key;

    LocalIdentityProvider(RSAKey key) {
        this.key = key;
    }

    /**
     * Starts the provider on the given port, issuing as {@code issuer} and signing with {@code key};
     * the dashboard at {@code dashboardUrl} may sign people in.
     */
    public static ConfigurableApplicationContext start(RSAKey key, String issuer, int port, String dashboardUrl) {
        return start(key, issuer, "127.0.0.1", port, dashboardUrl);
    }

    /** As {@link #start(RSAKey, String, int, String)}, listening on {@code address} only. */
    public static ConfigurableApplicationContext start(RSAKey key, String issuer, String address, int port,
                                                       String dashboardUrl) {
        return new SpringApplicationBuilder()
                .sources(LocalIdentityProvider.class)
                .initializers(context -> ((org.springframework.context.support.GenericApplicationContext) context)
                        .registerBean(RSAKey.class, () -> key))
                .properties("spring.config.name=local-identity", "spring.main.banner-mode=off",
                        "spring.main.log-startup-info=false")
                .run("--server.port=" + port, "--server.address=" + address,
                        "--spring.security.oauth2.authorizationserver.issuer=" + issuer,
                        "--MAAP_DASHBOARD_URL=" + dashboardUrl);
    }

    @Bean
    UserDetailsService demoUsers() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String password = encoder.encode(DemoUsers.PASSWORD);
        return new InMemoryUserDetailsManager(DemoUsers.all().stream()
                .map(user -> User.withUsername(user.username()).password(password).roles(user.role()).build())
                .toList());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource() {
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** Puts MAAP's claims in the access and ID tokens of a signed-in demo user. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> maapClaims() {
        return context -> {
            DemoUsers.find(context.getPrincipal().getName())
                    .ifPresent(user -> claimsOf(user).forEach(context.getClaims()::claim));
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of(AUDIENCE));
            }
        };
    }

    /** What MAAP's services read from a person's token: roles, display name, the agency of agency roles, an audit lead's audit. */
    private static java.util.Map<String, Object> claimsOf(DemoUsers.DemoUser user) {
        java.util.Map<String, Object> claims = new java.util.LinkedHashMap<>();
        claims.put("roles", List.of(user.role()));
        claims.put("name", user.name());
        if (user.agency() != null) {
            claims.put("agency", user.agency());
        }
        if (user.audit() != null) {
            claims.put("audit", user.audit());
        }
        return claims;
    }

    /**
     * A demo user's access token with the same claims a sign-in gives, signed with the provider's
     * key; the local run loads its demo data with these (as the people who would have done it).
     */
    public static String tokenFor(ConfigurableApplicationContext provider, String username) {
        DemoUsers.DemoUser user = DemoUsers.find(username).orElseThrow(() -> new IllegalArgumentException(username));
        String issuer = provider.getEnvironment().getRequiredProperty("spring.security.oauth2.authorizationserver.issuer");
        JwtEncoder encoder = new NimbusJwtEncoder(provider.getBean("jwkSource", JWKSource.class));
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(issuer).subject(user.username())
                .audience(List.of(AUDIENCE)).issuedAt(now).notBefore(now).expiresAt(now.plus(TOKEN_LIFETIME))
                .id(UUID.randomUUID().toString());
        claimsOf(user).forEach(claims::claim);
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId(
                provider.getBean(RSAKey.class).getKeyID()).build(), claims.build())).getTokenValue();
    }
}
