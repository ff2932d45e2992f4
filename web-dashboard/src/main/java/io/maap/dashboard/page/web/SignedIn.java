package io.maap.dashboard.page.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/** Who is signed in, for the page header: name, role and agency from the ID token. */
@ControllerAdvice
public class SignedIn {

    public record Person(String name, String role, String agency) {
    }

    @ModelAttribute("signedIn")
    public Person signedIn(@AuthenticationPrincipal OidcUser user) {
        if (user == null) {
            return null;
        }
        String name = user.getClaimAsString("name") != null ? user.getClaimAsString("name") : user.getSubject();
        List<String> roles = user.getClaimAsStringList("roles");
        String role = roles == null || roles.isEmpty() ? null
                : roles.get(0).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return new Person(name, role, user.getClaimAsString("agency"));
    }
}
