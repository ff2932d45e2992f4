package io.maap.support.security;

import io.maap.support.web.ProblemDetailsAdvice;
import io.maap.support.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.net.URI;

/**
 * 401 and 403 as RFC 9457 problem details, with the {@code WWW-Authenticate} header RFC 6750
 * asks for. The reason a token was refused is named only in general terms.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearerEntryPoint.commence(request, response, e);
        boolean tokenGiven = request.getHeader("Authorization") != null;
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                tokenGiven ? "The bearer token is invalid, expired or not for this service."
                        : "Send an OAuth2 bearer token in the Authorization header.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerDenied.handle(request, response, e);
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                "Your role does not allow this request.");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String type, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetailsAdvice.problem(status, type, title, detail);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // an odd path: the problem goes out without its instance
        }
        ProblemWriter.write(response, problem);
    }
}
