package io.maap.events.contract;

import io.maap.events.Nullable;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A filled-in instance of any event record, for round-trip and schema tests. */
final class SampleInstances {

    private SampleInstances() {
    }

    /** Every field set, optional ones included. */
    static Object full(Class<?> type) {
        return build(type, false);
    }

    /** Optional ({@link Nullable}) fields left null. */
    static Object minimal(Class<?> type) {
        return build(type, true);
    }

    private static Object build(Class<?> type, boolean nullOptional) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            boolean optional = component.isAnnotationPresent(Nullable.class);
            args[i] = optional && nullOptional ? null : value(component.getName(), component.getGenericType(), nullOptional);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build a sample " + type.getName(), e);
        }
    }

    private static Object value(String name, Type type, boolean nullOptional) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return List.of(value(name, arguments[0], nullOptional));
            }
            if (Set.class.isAssignableFrom(raw)) {
                return Set.of(value(name, arguments[0], nullOptional));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of(value(name + "Key", arguments[0], nullOptional), value(name, arguments[1], nullOptional));
            }
            throw new IllegalArgumentException("Unsupported generic type " + type);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            // a value every published format accepts, including the pseudonymised case reference's
            return name.equals("caseReference") ? "RBR-1707-M01" : "sample-" + name.toLowerCase(java.util.Locale.ROOT);
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2017, 7, 3);
        }
        if (raw == Instant.class) {
            return Instant.parse("2017-07-03T09:00:00Z");
        }
        if (raw == OffsetDateTime.class) {
            return OffsetDateTime.of(2017, 7, 3, 9, 0, 0, 0, ZoneOffset.UTC);
        }
        if (raw == int.class || raw == Integer.class) {
            return 1;
        }
        if (raw == long.class || raw == Long.class) {
            return 1L;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == double.class || raw == Double.class) {
            return 1.5d;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw.isRecord()) {
            return build(raw, nullOptional);
        }
        throw new IllegalArgumentException("Unsupported field type " + raw.getName() + " (" + name + ")");
    }
}
