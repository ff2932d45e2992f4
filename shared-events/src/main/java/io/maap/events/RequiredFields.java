package io.maap.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The rule the published JSON Schemas state, checked on a deserialised event: every field not
 * marked {@link Nullable} is present, in nested records and in the elements of lists too. A
 * reader applies it before acting on an event, so that a message with a known type but missing
 * data is refused as unreadable rather than half-applied.
 */
public final class RequiredFields {

    private RequiredFields() {
    }

    /** The path of the first required field that is null (e.g. {@code cases[2].caseReference}), if any. */
    public static Optional<String> firstMissing(Object value) {
        return firstMissing(value, "");
    }

    private static Optional<String> firstMissing(Object value, String path) {
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object field = read(component, record);
                String fieldPath = path.isEmpty() ? component.getName() : path + "." + component.getName();
                if (field == null) {
                    if (!component.isAnnotationPresent(Nullable.class)) {
                        return Optional.of(fieldPath);
                    }
                    continue;
                }
                Optional<String> nested = firstMissing(field, fieldPath);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        } else if (value instanceof Collection<?> elements) {
            int index = 0;
            for (Object element : elements) {
                String elementPath = path + "[" + index++ + "]";
                if (element == null) {
                    return Optional.of(elementPath);
                }
                Optional<String> nested = firstMissing(element, elementPath);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        } else if (value instanceof Map<?, ?> entries) {
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                Optional<String> nested = entry.getValue() == null ? Optional.of(path + "." + entry.getKey())
                        : firstMissing(entry.getValue(), path + "." + entry.getKey());
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass().getName(), e);
        }
    }
}
