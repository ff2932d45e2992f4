package io.maap.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Limits on what reaches any MAAP handler, checked before security and parsing: a request body
 * longer than {@code maap.web.max-request-size} is refused with 413 (at once when the
 * Content-Length says so, otherwise as soon as the body read passes the limit), and a query
 * string that is not percent-encoded UTF-8 or holds control characters, or an Accept header that
 * is not a list of media types, with 400, so that no such value reaches a database or content negotiation.
 */
public class RequestLimitsFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;

    public RequestLimitsFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            ProblemWriter.write(response, withInstance(tooLarge(maxBodyBytes), request));
            return;
        }
        String refusal = queryProblem(request.getQueryString());
        if (refusal == null && !acceptable(request.getHeader(HttpHeaders.ACCEPT))) {
            // Unparseable, it would fail content negotiation even for the error response, leaving it without a body.
            refusal = "The Accept header is not a valid list of media types.";
        }
        if (refusal != null) {
            ProblemWriter.write(response, withInstance(ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "invalid-request",
                    "Invalid request", refusal), request));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new LimitedRequest(request, maxBodyBytes) : request, response);
    }

    static ProblemDetail tooLarge(long limit) {
        return ProblemDetailsAdvice.problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large",
                "The request body is larger than the " + limit + " bytes this service accepts.");
    }

    private static ProblemDetail withInstance(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(java.net.URI.create(safePath(request)));
        return problem;
    }

    private static String safePath(HttpServletRequest request) {
        try {
            return java.net.URI.create(request.getRequestURI()).getRawPath();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    static boolean acceptable(String accept) {
        if (accept == null) {
            return true;
        }
        try {
            MediaType.parseMediaTypes(accept);
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** Why the raw query string is unacceptable, or null. */
    static String queryProblem(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            for (String part : pair.split("=", 2)) {
                String decoded;
                try {
                    decoded = decode(part);
                } catch (IllegalArgumentException | CharacterCodingException e) {
                    return "The query string is not percent-encoded UTF-8.";
                }
                for (int i = 0; i < decoded.length(); i++) {
                    char c = decoded.charAt(i);
                    if (c < 0x20 || c == 0x7f) {
                        return "The query string holds control characters.";
                    }
                }
            }
        }
        return null;
    }

    private static String decode(String part) throws CharacterCodingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length()) {
                    throw new IllegalArgumentException("incomplete escape");
                }
                bytes.write(Integer.parseInt(part.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    }

    /** A request whose body (of unknown length) may be read only up to the limit. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new RequestTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
