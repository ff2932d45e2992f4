package io.maap.deploycheck.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code .env} file as compose reads it: {@code NAME=value} lines, {@code #} comments and blank
 * lines skipped, an optional {@code export } prefix; single-quoted values are literal,
 * double-quoted ones take {@code \n}, {@code \t}, {@code \\} and {@code \"} escapes, unquoted ones
 * end at {@code " #"} and are trimmed. Values are interpolated from the lines above them.
 */
public final class DotEnv {

    private DotEnv() {
    }

    public static Map<String, String> read(Path file, Map<String, String> processEnvironment) throws IOException {
        return parse(Files.readString(file), processEnvironment);
    }

    public static Map<String, String> parse(String text, Map<String, String> processEnvironment) {
        Map<String, String> values = new LinkedHashMap<>();
        Interpolation interpolation = new Interpolation(name -> processEnvironment.containsKey(name)
                ? processEnvironment.get(name) : values.get(name));
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("not NAME=value in .env: " + raw);
            }
            String name = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (value.startsWith("'") && value.lastIndexOf('\'') > 0) {
                values.put(name, value.substring(1, value.lastIndexOf('\'')));
            } else if (value.startsWith("\"") && value.lastIndexOf('"') > 0) {
                values.put(name, interpolation.apply(unescape(value.substring(1, value.lastIndexOf('"')))));
            } else {
                int comment = value.indexOf(" #");
                values.put(name, interpolation.apply((comment < 0 ? value : value.substring(0, comment)).strip()));
            }
        }
        return values;
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
