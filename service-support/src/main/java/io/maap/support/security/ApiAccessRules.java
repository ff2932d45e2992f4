package io.maap.support.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's rules of who may call which of its endpoints, by method and path. Every service
 * declares one; the shared filter chain adds them after the open health endpoints and denies
 * whatever no rule names, so a new endpoint is closed until someone decides who may use it.
 */
@FunctionalInterface
public interface ApiAccessRules {

    void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules);

    static String[] roles(MaapRole... roles) {
        return java.util.Arrays.stream(roles).map(Enum::name).toArray(String[]::new);
    }
}
