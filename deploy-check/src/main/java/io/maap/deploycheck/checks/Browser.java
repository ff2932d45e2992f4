package io.maap.deploycheck.checks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser on the deployment's host: cookies kept, redirects followed one by one (so a
 * check sees where each leads), HTML forms read and posted as a browser posts them.
 */
public final class Browser {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*\"([^\"]*)\"");

    // With the JDK's CookieManager, Keycloak's session cookie did not come back from localhost (it
    // logged cookie_not_found). This browser keeps host-only cookies per host and port and sends
    // them back, Secure ones too, as browsers do for localhost (a secure context).
    private final Map<String, Map<String, String>> cookies = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public record Page(URI uri, int status, String location, String body) {
        public URI next() {
            return location == null ? null : uri.resolve(location);
        }
    }

    public Page get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET(), uri);
    }

    public Page post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(encode(form))), uri);
    }

    private Page send(HttpRequest.Builder request, URI uri) throws IOException, InterruptedException {
        Map<String, String> jar = cookies.computeIfAbsent(uri.getHost() + ":" + uri.getPort(), host -> new LinkedHashMap<>());
        synchronized (jar) {
            if (!jar.isEmpty()) {
                request.header("Cookie", jar.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
        }
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        synchronized (jar) {
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    continue;
                }
                String name = pair.substring(0, equals).trim();
                String value = pair.substring(equals + 1).trim();
                String attributes = header.toLowerCase(java.util.Locale.ROOT);
                if (value.isEmpty() || attributes.contains("max-age=0") || attributes.contains("expires=thu, 01 jan 1970")) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
        }
        return new Page(uri, response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body());
    }

    /** Follows redirects from a page until one leads to a URI starting with {@code stopAt}, or a page that is not a redirect. */
    public Page follow(Page page, String stopAt) throws IOException, InterruptedException {
        Page current = page;
        for (int hops = 0; hops < 10 && current.location() != null; hops++) {
            URI next = current.next();
            if (stopAt != null && next.toString().startsWith(stopAt)) {
                return current;
            }
            current = get(next);
        }
        return current;
    }

    /** The page's form whose attributes contain {@code marker}: its action and its inputs' values. */
    public static Form form(Page page, String marker) {
        Matcher forms = FORM.matcher(page.body());
        while (forms.find()) {
            if (forms.group(1).contains(marker)) {
                Map<String, String> attributes = attributes(forms.group(1));
                Map<String, String> fields = new LinkedHashMap<>();
                Matcher inputs = INPUT.matcher(forms.group(2));
                while (inputs.find()) {
                    Map<String, String> input = attributes(inputs.group(1));
                    if (input.containsKey("name")) {
                        fields.put(input.get("name"), input.getOrDefault("value", ""));
                    }
                }
                return new Form(page.uri().resolve(unescape(attributes.getOrDefault("action", ""))), fields);
            }
        }
        throw new IllegalStateException("no form with " + marker + " on " + page.uri() + " (HTTP " + page.status() + ")");
    }

    public record Form(URI action, Map<String, String> fields) {
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher matcher = ATTRIBUTE.matcher(text);
        while (matcher.find()) {
            attributes.put(matcher.group(1).toLowerCase(), unescape(matcher.group(2)));
        }
        return attributes;
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#x2F;", "/").replace("&#x3D;", "=");
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
