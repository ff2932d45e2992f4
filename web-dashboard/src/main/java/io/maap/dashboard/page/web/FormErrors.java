package io.maap.dashboard.page.web;

import io.maap.dashboard.page.web.ApiProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of a form in the GOV.UK pattern: a summary at the top linking to each field, and
 * the message beside the field. API field paths ({@code answers[1].answer},
 * {@code deadlineOverride.reason}) are mapped to the form's field ids by the caller's table,
 * falling back to the first segment of the path; business-rule codes map to a field the same way.
 */
public final class FormErrors {

    /** One message, linked to the id of the field it concerns (null: the form as a whole). */
    public record Error(String fieldId, String message) {
        public String href() {
            return "#" + (fieldId == null ? "main-content" : fieldId);
        }
    }

    private final List<Error> errors = new ArrayList<>();
    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /**
     * @param fieldIds API field path, path prefix or rule code → id of the form field
     */
    public static FormErrors from(ApiProblem problem, Map<String, String> fieldIds) {
        FormErrors form = new FormErrors();
        for (ApiProblem.FieldMessage error : problem.errors()) {
            String fieldId = fieldId(error.field(), fieldIds);
            form.add(fieldId, label(error.field(), fieldId) + error.message());
        }
        if (problem.errors().isEmpty()) {
            String fieldId = problem.code() == null ? null : fieldIds.get(problem.code());
            form.add(fieldId, problem.getMessage());
        }
        return form;
    }

    /** "Participating agencies " from {@code participatingAgencies}; "Answer to question 2 " from {@code answers[1].answer}. */
    static String label(String apiField, String fieldId) {
        if (apiField == null || apiField.isBlank()) {
            return "";
        }
        java.util.regex.Matcher answer = java.util.regex.Pattern.compile("^answers\\[(\\d+)].*").matcher(apiField);
        if (answer.matches()) {
            return "Answer to question " + (Integer.parseInt(answer.group(1)) + 1) + " ";
        }
        String first = apiField.split("[.\\[]")[0];
        String words = first.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " ";
    }

    static String fieldId(String apiField, Map<String, String> fieldIds) {
        if (apiField == null) {
            return null;
        }
        String path = apiField;
        while (true) {
            if (fieldIds.containsKey(path)) {
                return fieldIds.get(path);
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            if (cut <= 0) {
                return fieldIds.getOrDefault(path, path);
            }
            path = path.substring(0, cut);
        }
    }

    public FormErrors add(String fieldId, String message) {
        errors.add(new Error(fieldId, message));
        if (fieldId != null) {
            byField.merge(fieldId, message, (a, b) -> a + " " + b);
        }
        return this;
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public List<Error> all() {
        return errors;
    }

    public boolean has(String fieldId) {
        return byField.containsKey(fieldId);
    }

    public String of(String fieldId) {
        return byField.get(fieldId);
    }

    /** Messages that did not find a field of their own on the form. */
    public List<Error> unplaced(java.util.Collection<String> formFieldIds) {
        return errors.stream().filter(e -> e.fieldId() == null || !formFieldIds.contains(e.fieldId())).toList();
    }
}
