package io.maap.support.axon;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Classes moved or renamed after instances of them were stored. Axon records the payload type of
 * every stored event and every pending deadline as its class name; without this, a moved class's
 * old events would be skipped by event sourcing and projections, and its pending deadlines would
 * never reach a handler. A service declares its moves as a bean of this type and its serializer
 * reads each old name as the new class. Nothing stored is rewritten, so a rename stays declared
 * for good; an upcaster still sees the stored (old) name.
 */
public record RenamedClasses(Map<String, Class<?>> byOldName) {

    public RenamedClasses {
        byOldName = Map.copyOf(byOldName);
    }

    public static RenamedClasses none() {
        return new RenamedClasses(Map.of());
    }

    /** The name of the class to read a stored type name as. */
    public String resolve(String storedName) {
        Class<?> renamed = byOldName.get(storedName);
        return renamed == null ? storedName : renamed.getName();
    }

    static RenamedClasses allOf(Stream<RenamedClasses> declared) {
        Map<String, Class<?>> all = new HashMap<>();
        declared.forEach(renamed -> all.putAll(renamed.byOldName()));
        return new RenamedClasses(all);
    }
}
