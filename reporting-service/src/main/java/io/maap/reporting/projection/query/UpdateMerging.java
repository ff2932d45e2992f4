package io.maap.reporting.projection.query;

import org.bson.Document;
import org.springframework.data.mongodb.core.query.BasicUpdate;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Two updates of one document, in order, as one update with the same outcome, when the operators
 * allow it: a later {@code $set} or {@code $unset} of a field replaces an earlier one, {@code $inc}s
 * add (also to a value an earlier {@code $set} gave), {@code $push}es append in order. Anything
 * else on a field both touch (a {@code $min} twice, a {@code $push} after a {@code $set}, a field and
 * one inside it), and a later {@code $setOnInsert} (which applies only if no earlier update inserted
 * the document), is not merged: the updates are then written one after the other, as before.
 * Also the document an update makes where none was ({@link #inserted}), for a writer that knows
 * it is not there yet.
 */
final class UpdateMerging {

    private UpdateMerging() {
    }

    /** Makes the merged one of two consecutive updates of a document from both and their merged update. */
    @FunctionalInterface
    interface Joined<T> {
        T of(T earlier, T later, Update merged);
    }

    /**
     * Each document's consecutive updates merged where they can be, in the order given per
     * document ({@code with} makes the merged one from the two), so most documents take one write.
     */
    static <T> List<T> consecutive(List<T> updates, Function<T, String> documentId, Function<T, Update> update,
                                   Joined<T> with) {
        Map<String, List<T>> byDocument = new LinkedHashMap<>();
        for (T next : updates) {
            List<T> chain = byDocument.computeIfAbsent(documentId.apply(next), id -> new ArrayList<>());
            Update merged = chain.isEmpty() ? null : merge(update.apply(chain.get(chain.size() - 1)), update.apply(next));
            if (merged == null) {
                chain.add(next);
            } else {
                chain.set(chain.size() - 1, with.of(chain.get(chain.size() - 1), next, merged));
            }
        }
        return byDocument.values().stream().flatMap(List::stream).toList();
    }

    /** {@code earlier} then {@code later} as one update, or null when they cannot be merged. */
    static Update merge(Update earlier, Update later) {
        Document merged = new Document();
        earlier.getUpdateObject().forEach((operator, fields) -> merged.put(operator, new Document((Document) fields)));
        for (Map.Entry<String, Object> operation : later.getUpdateObject().entrySet()) {
            for (Map.Entry<String, Object> field : ((Document) operation.getValue()).entrySet()) {
                if (!add(merged, operation.getKey(), field.getKey(), field.getValue())) {
                    return null;
                }
            }
        }
        return new BasicUpdate(merged);
    }

    private static boolean add(Document merged, String operator, String path, Object value) {
        String existing = null;
        for (Map.Entry<String, Object> operation : merged.entrySet()) {
            for (String other : ((Document) operation.getValue()).keySet()) {
                if (other.equals(path)) {
                    existing = operation.getKey();
                } else if (inside(other, path) || inside(path, other)) {
                    return false;
                }
            }
        }
        if (operator.equals("$setOnInsert")) {
            // whether it applies depends on whether an earlier update inserted the document
            return false;
        }
        if (existing == null) {
            operator(merged, operator).put(path, value);
            return true;
        }
        Document before = (Document) merged.get(existing);
        if (operator.equals("$set") || operator.equals("$unset")) {
            before.remove(path);
            operator(merged, operator).put(path, value);
        } else if (operator.equals("$inc") && (existing.equals("$inc") || existing.equals("$set"))) {
            if (!(before.get(path) instanceof Number a) || !(value instanceof Number b)) {
                return false;
            }
            before.put(path, sum(a, b));
        } else if (operator.equals("$push") && existing.equals("$push")) {
            List<Object> each = new ArrayList<>(values(before.get(path)));
            each.addAll(values(value));
            before.put(path, new Document("$each", each));
        } else {
            return false;
        }
        if (before.isEmpty()) {
            merged.remove(existing);
        }
        return true;
    }

    /**
     * The document an upsert of {@code update} by {@code _id} inserts where no document has that
     * id, as MongoDB makes it: {@code $set}, {@code $setOnInsert}, {@code $min} and {@code $max}
     * give their value, {@code $inc} its number, {@code $push} a list of what it pushes, and
     * {@code $unset} nothing. Null where that is not plain to tell (a dotted path, a field two
     * operators name, any other operator, a {@code $push} modifier besides {@code $each}): the
     * caller then upserts.
     */
    static Document inserted(Object id, Update update) {
        Document document = new Document("_id", id);
        Set<String> paths = new HashSet<>();
        for (Map.Entry<String, Object> operation : update.getUpdateObject().entrySet()) {
            if (!(operation.getValue() instanceof Document fields)) {
                return null;
            }
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                String path = field.getKey();
                Object value = field.getValue();
                if (path.indexOf('.') >= 0 || path.startsWith("$") || path.equals("_id") || !paths.add(path)) {
                    return null;
                }
                switch (operation.getKey()) {
                    case "$set", "$setOnInsert", "$min", "$max" -> document.put(path, value);
                    case "$inc" -> {
                        if (!(value instanceof Number)) {
                            return null;
                        }
                        document.put(path, value);
                    }
                    case "$push" -> {
                        if (value instanceof Update.Modifiers) {
                            return null;
                        }
                        if (value instanceof Document modifiers && modifiers.keySet().stream().anyMatch(k -> k.startsWith("$"))) {
                            if (modifiers.size() != 1 || !(modifiers.get("$each") instanceof List<?> each)) {
                                return null;
                            }
                            document.put(path, new ArrayList<>(each));
                        } else {
                            List<Object> one = new ArrayList<>();
                            one.add(value);
                            document.put(path, one);
                        }
                    }
                    case "$unset" -> {
                        // nothing to remove from a document not there
                    }
                    default -> {
                        return null;
                    }
                }
            }
        }
        return document;
    }

    /** Whether {@code path} names a field inside {@code parent} (without building {@code parent + "."} for every pair). */
    static boolean inside(String path, String parent) {
        return path.length() > parent.length() && path.charAt(parent.length()) == '.' && path.startsWith(parent);
    }

    private static Document operator(Document merged, String operator) {
        return (Document) merged.computeIfAbsent(operator, o -> new Document());
    }

    private static List<?> values(Object pushed) {
        return pushed instanceof Document d && d.containsKey("$each") ? (List<?>) d.get("$each") : List.of(pushed);
    }

    /** As MongoDB adds: two 32-bit integers give one. */
    private static Number sum(Number a, Number b) {
        return a instanceof Integer && b instanceof Integer ? (Number) (a.intValue() + b.intValue()) : (Number) (a.longValue() + b.longValue());
    }
}
