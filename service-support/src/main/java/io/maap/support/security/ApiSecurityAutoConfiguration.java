package io.maap.support.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;
import java.util.List;

/**
 * Every MAAP API is an OAuth2 resource server: a signed JWT from the partnership's issuer is
 * required everywhere but the health endpoints and the metrics scrape ({@link MetricsAccess}); 401 and 403 are problem details; what each role
 * may call is the service's {@link ApiAccessRules}; whatever they do not name is denied.
 * Stateless: no session, no cookies, so no CSRF exposure.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        // Where an authorization server is on the class path too (the one-JVM local run), its
        // defaults must not replace a service's token checks.
        "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JwtDecoder.class)
@EnableWebSecurity
@EnableConfigurationProperties(TokenProperties.class)
public class ApiSecurityAutoConfiguration {

    /** Verified tokens kept at most ({@link VerifiedTokens}): a few kilobytes each, far more than the callers of a few minutes. */
    static final long VERIFIED_TOKENS = 1_000;

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain maapApiSecurity(HttpSecurity http, ObjectProvider<ApiAccessRules> serviceRules,
                                        org.springframework.core.env.Environment environment) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        MetricsAccess metrics = MetricsAccess.from(environment);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
                    rules.requestMatchers(org.springframework.http.HttpMethod.GET, MetricsAccess.PATH).access(metrics);
                    serviceRules.orderedStream().forEach(serviceRule -> serviceRule.configure(rules));
                    rules.requestMatchers(org.springframework.http.HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**",
                            "/swagger-ui.html", "/swagger-ui/**").authenticated();
                    rules.anyRequest().denyAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(metrics.bearerTokenResolver())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerJwtConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder maapJwtDecoder(TokenProperties properties) {
        NimbusJwtDecoder decoder;
        if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        } else if (properties.publicKey() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(properties)).build();
        } else {
            throw new IllegalStateException("Set maap.security.jwk-set-uri (or maap.security.public-key) so that "
                    + "the service can verify bearer tokens");
        }
        if (properties.issuer() == null || properties.issuer().isBlank()) {
            throw new IllegalStateException("Set maap.security.issuer: tokens from any other issuer are refused");
        }
        decoder.setJwtValidator(validator(properties));
        return properties.verifiedTokenMaxAge().isZero() || properties.verifiedTokenMaxAge().isNegative() ? decoder
                : new VerifiedTokens(decoder, properties.verifiedTokenMaxAge(), VERIFIED_TOKENS);
    }

    static OAuth2TokenValidator<Jwt> validator(TokenProperties properties) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        OAuth2TokenValidator<Jwt> expiryRequired = jwt -> jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has no expiry", null));
        JwtClaimValidator<Collection<String>> audience = new JwtClaimValidator<>("aud",
                aud -> aud != null && aud.contains(properties.audience()));
        return new DelegatingOAuth2TokenValidator<>(List.of(timestamps, expiryRequired,
                new JwtIssuerValidator(properties.issuer()), audience));
    }

    private static RSAPublicKey readPublicKey(TokenProperties properties) {
        try (InputStream in = properties.publicKey().getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("maap.security.public-key is not an RSA public key in PEM", e);
        }
    }

    @Bean
    FilterRegistrationBean<CorrelationId> correlationIdFilter() {
        FilterRegistrationBean<CorrelationId> registration = new FilterRegistrationBean<>(new CorrelationId());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
