package io.maap.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The rule the published JSON Schemas state, checked on a deserialised event: every field not
 * marked {@link Nullable} is present, in nested records and in the elements of lists too. A
 * reader applies it before acting on an event, so that a message with a known type but missing
 * data is refused as unreadable rather than half-applied.
 * <p>
 * Every event read is checked, so a record type's components (accessor, name, whether nullable)
 * are looked up once per type and kept ({@link ClassValue}): asking the class for them each time
 * builds new reflection objects, which a profile of a rebuild found to be a quarter of its thread's
 * time. A field's path is built only for the field found missing.
 */
public final class RequiredFields {

    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Component[] result = new Component[components.length];
            for (int i = 0; i < components.length; i++) {
                Method accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                result[i] = new Component(components[i].getName(), accessor, components[i].isAnnotationPresent(Nullable.class));
            }
            return result;
        }
    };

    private RequiredFields() {
    }

    private record Component(String name, Method accessor, boolean nullable) {
    }

    /** The path of the first required field that is null (e.g. {@code cases[2].caseReference}), if any. */
    public static Optional<String> firstMissing(Object value) {
        String missing = missing(value);
        if (missing == null) {
            return Optional.empty();
        }
        // a top-level record's fields are named without the dot that joins a nested field to its parent
        return Optional.of(value instanceof Record ? missing.substring(1) : missing);
    }

    /**
     * The path of the first missing field below {@code value}, relative to it ({@code .field},
     * {@code [index]}, {@code .key}, and so on down), or null if none is missing.
     */
    private static String missing(Object value) {
        if (value instanceof Record record) {
            for (Component component : COMPONENTS.get(record.getClass())) {
                Object field = read(component, record);
                if (field == null) {
                    if (!component.nullable()) {
                        return "." + component.name();
                    }
                    continue;
                }
                String nested = missing(field);
                if (nested != null) {
                    return "." + component.name() + nested;
                }
            }
        } else if (value instanceof Collection<?> elements) {
            int index = 0;
            for (Object element : elements) {
                String nested = element == null ? "" : missing(element);
                if (nested != null) {
                    return "[" + index + "]" + nested;
                }
                index++;
            }
        } else if (value instanceof Map<?, ?> entries) {
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                String nested = entry.getValue() == null ? "" : missing(entry.getValue());
                if (nested != null) {
                    return "." + entry.getKey() + nested;
                }
            }
        }
        return null;
    }

    private static Object read(Component component, Record record) {
        try {
            return component.accessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.name() + " of " + record.getClass().getName(), e);
        }
    }
}
