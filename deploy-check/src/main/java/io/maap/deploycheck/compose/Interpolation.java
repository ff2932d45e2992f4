package io.maap.deploycheck.compose;

import java.util.Map;
import java.util.function.Function;

/**
 * Compose's variable interpolation, as the Compose Specification defines it: {@code $VAR} and
 * {@code ${VAR}}; {@code ${VAR:-default}} (unset or empty) and {@code ${VAR-default}} (unset);
 * {@code ${VAR:?error}} and {@code ${VAR?error}} (the same conditions, stopping with the message);
 * {@code ${VAR:+replacement}} and {@code ${VAR+replacement}}; defaults and messages may themselves
 * hold variables; {@code $$} is a literal {@code $}. An unset variable with no default becomes the
 * empty string, as compose does (it warns).
 */
public final class Interpolation {

    private final Function<String, String> variables;

    public Interpolation(Function<String, String> variables) {
        this.variables = variables;
    }

    public static Interpolation of(Map<String, String> variables) {
        return new Interpolation(variables::get);
    }

    /** Thrown for {@code ${VAR:?message}} when VAR is unset (or empty), naming the variable. */
    public static final class MissingVariableException extends IllegalArgumentException {
        private final String variable;

        MissingVariableException(String variable, String message) {
            super("required variable " + variable + " is missing a value" + (message.isEmpty() ? "" : ": " + message));
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }

    public String apply(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int end = closingBrace(text, i + 2);
                out.append(braced(text.substring(i + 2, end)));
                i = end + 1;
            } else if (isNameStart(next)) {
                int end = i + 1;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                String value = variables.apply(text.substring(i + 1, end));
                out.append(value == null ? "" : value);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String braced(String expression) {
        int nameEnd = 0;
        while (nameEnd < expression.length() && isNamePart(expression.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = expression.substring(0, nameEnd);
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            throw new IllegalArgumentException("invalid interpolation format for ${" + expression + "}");
        }
        String value = variables.apply(name);
        String rest = expression.substring(nameEnd);
        if (rest.isEmpty()) {
            return value == null ? "" : value;
        }
        boolean colon = rest.startsWith(":");
        String operator = colon ? rest.substring(0, 2) : rest.substring(0, 1);
        String argument = rest.substring(operator.length());
        boolean absent = value == null || (colon && value.isEmpty());
        switch (operator.substring(operator.length() - 1)) {
            case "-":
                return absent ? apply(argument) : value;
            case "?":
                if (absent) {
                    throw new MissingVariableException(name, apply(argument));
                }
                return value;
            case "+":
                return absent ? "" : apply(argument);
            default:
                throw new IllegalArgumentException("invalid interpolation format for ${" + expression + "}");
        }
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed ${ in: " + text);
    }

    private static boolean isNameStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    private static boolean isNamePart(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
