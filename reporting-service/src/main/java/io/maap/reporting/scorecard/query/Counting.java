package io.maap.reporting.scorecard.query;

import io.maap.reporting.projection.query.ProjectionStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationExpression;
import org.springframework.data.mongodb.core.aggregation.GroupOperation;
import org.springframework.data.mongodb.core.query.Criteria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures counted inside MongoDB, so that only the counts come back: a {@code $match} of the
 * scope, then one {@code $group} in which each figure is a {@code $sum} of a {@code $cond}
 * (1 where its condition holds, else 0).
 * <p>
 * Conditions are aggregation expressions built from {@code $eq}, {@code $ne}, {@code $gt},
 * {@code $gte}, {@code $lt}, {@code $and} and {@code $ifNull}, which MongoDB and
 * mongo-java-server evaluate alike. In them a missing field is neither true nor above zero,
 * as it was when the documents were counted in Java.
 * <p>
 * A view "as of" a past date counts documents as they stood then ({@code AsOf}), which exist only
 * in Java: {@link #countAll(List, Conditions)} and {@link #countBy(List, String, Conditions)}
 * evaluate the same conditions on them, with MongoDB's order of types (null below numbers below
 * strings below booleans), so a figure has one definition whichever way it is counted.
 */
final class Counting {

    private Counting() {
    }

    /** Named conditions, in order; each becomes the figure of that name: how many documents meet it. */
    static final class Conditions {

        private final Map<String, Object> byName = new LinkedHashMap<>();
        /** The conditions compiled for counting in Java, in order; made on first use (a set of conditions is used by one thread). */
        private List<Evaluator> compiled;

        Conditions count(String name, Object condition) {
            byName.put(name, condition);
            compiled = null;
            return this;
        }

        private List<Evaluator> compiled() {
            if (compiled == null) {
                compiled = byName.values().stream().map(Counting::compile).toList();
            }
            return compiled;
        }
    }

    /**
     * The conditions of figures counted on a day, kept apart from the day: each either holds of a
     * document whatever the day, or is a condition that must also have the document's date field
     * before the day (overdue: awaiting, and due before the day). {@link #on} makes the
     * {@link Conditions} of one day; {@link #tally} counts documents once for every day
     * ({@link Tally}).
     */
    static final class Tallying {

        private final List<String> names = new ArrayList<>();
        private final List<Object> conditions = new ArrayList<>();
        /** Per figure, the date field it must have before the day, or null. */
        private final List<String> dateFields = new ArrayList<>();

        /** A figure whose condition holds whatever the day. */
        Tallying count(String name, Object condition) {
            return add(name, condition, null);
        }

        /** A figure of the documents that meet {@code condition} and have {@code dateField} before the day ({@link #before}). */
        Tallying countBefore(String name, Object condition, String dateField) {
            return add(name, condition, dateField);
        }

        private Tallying add(String name, Object condition, String dateField) {
            if (names.contains(name)) {
                throw new IllegalArgumentException("Counted twice: " + name);
            }
            names.add(name);
            conditions.add(condition);
            dateFields.add(dateField);
            return this;
        }

        /** The conditions as counted on {@code day}, in order: a dated figure's condition and its date before the day. */
        Conditions on(LocalDate day) {
            Conditions on = new Conditions();
            for (int i = 0; i < names.size(); i++) {
                String dateField = dateFields.get(i);
                on.count(names.get(i), dateField == null ? conditions.get(i)
                        : and((Document) conditions.get(i), before(dateField, day)));
            }
            return on;
        }

        /** The documents counted once for any day: each condition's count, and each dated condition's dates. */
        Tally tally(List<Document> documents) {
            List<Evaluator> evaluators = conditions.stream().map(Counting::compile).toList();
            int[] met = new int[names.size()];
            Map<Integer, TreeMap<String, Integer>> dates = new HashMap<>();
            for (Document document : documents) {
                for (int i = 0; i < met.length; i++) {
                    if (!Boolean.TRUE.equals(evaluators.get(i).of(document))) {
                        continue;
                    }
                    String dateField = dateFields.get(i);
                    if (dateField == null) {
                        met[i]++;
                    } else if (document.get(dateField) instanceof String date) {
                        // only a string can be before a day's string ({@link #before}: MongoDB's order of types)
                        // (interned: the few hundred distinct days are shared by every tally kept)
                        dates.computeIfAbsent(i, d -> new TreeMap<>()).merge(date.intern(), 1, Integer::sum);
                    }
                }
            }
            return new Tally(this, documents.size(), met, dates);
        }

        /** Per value of {@code field} (documents without it left out, as {@link #countBy(List, String, Conditions)}), the tally. */
        Map<String, Tally> tallyBy(List<Document> documents, String field) {
            Map<String, Tally> byValue = new TreeMap<>();
            groupedBy(documents, field).forEach((value, group) -> byValue.put(value, tally(group)));
            return byValue;
        }
    }

    /**
     * Documents counted once by a {@link Tallying}, for any day: their number, how many meet each
     * condition that holds whatever the day, and, for each dated condition, the distinct dates of
     * the documents that meet it with how many have each, so that the count on a day is a binary
     * search. {@link #counts} gives what {@link #countAll(List, Conditions)} gives for the
     * tallying's conditions on that day, without the documents.
     */
    static final class Tally {

        private final Tallying tallying;
        private final int total;
        private final int[] met;
        /** Per dated condition (by index, null for the others), its dates in order and, at each, how many documents are dated before or on it. */
        private final String[][] dates;
        private final int[][] upTo;

        private Tally(Tallying tallying, int total, int[] met, Map<Integer, TreeMap<String, Integer>> dated) {
            this.tallying = tallying;
            this.total = total;
            this.met = met;
            this.dates = new String[met.length][];
            this.upTo = new int[met.length][];
            dated.forEach((i, counts) -> {
                dates[i] = counts.keySet().toArray(String[]::new);
                upTo[i] = new int[dates[i].length];
                int sum = 0;
                int d = 0;
                for (int count : counts.values()) {
                    sum += count;
                    upTo[i][d++] = sum;
                }
            });
        }

        /** The counts on {@code day}, as {@link #countAll(List, Conditions)} of the tallying's {@code on(day)} over the documents tallied. */
        Document counts(LocalDate day) {
            Document counts = new Document("total", total);
            String before = day.toString();
            for (int i = 0; i < tallying.names.size(); i++) {
                counts.put(tallying.names.get(i), tallying.dateFields.get(i) == null ? met[i] : datedBefore(i, before));
            }
            return counts;
        }

        private int datedBefore(int i, String day) {
            if (dates[i] == null) {
                return 0;
            }
            int at = Arrays.binarySearch(dates[i], day);
            int firstNotBefore = at >= 0 ? at : -at - 1;
            return firstNotBefore == 0 ? 0 : upTo[i][firstNotBefore - 1];
        }

        /** Roughly how many values it holds: the weight of a cache that keeps it. */
        int weight() {
            int weight = 1 + met.length;
            for (String[] ofCondition : dates) {
                weight += ofCondition == null ? 0 : 2 * ofCondition.length;
            }
            return weight;
        }
    }

    /**
     * A condition or operand compiled once for counting documents in Java: what its expression
     * evaluates to for a document, as MongoDB would evaluate it. Interpreting the expression per
     * document (finding its operator by name, its field by reference) was most of the cost of
     * counting a programme's hundreds of entries for each of its scopes (ADR 0022).
     */
    @FunctionalInterface
    private interface Evaluator {
        Object of(Document document);
    }

    /**
     * Each figure counted over all the documents of the scope, with {@code total} their number.
     * No document gives an empty result, read as zeros by {@link #number}.
     */
    static Document countAll(ProjectionStore store, String collection, Criteria scope, Conditions conditions) {
        List<Document> results = aggregate(store, collection, scope, Aggregation.group(), conditions);
        return results.isEmpty() ? new Document() : results.get(0);
    }

    /**
     * Each figure counted per value of a field, by value in order; documents without the field
     * are left out.
     */
    static Map<String, Document> countBy(ProjectionStore store, String collection, Criteria scope, String field,
                                         Conditions conditions) {
        Map<String, Document> byValue = new TreeMap<>();
        for (Document result : aggregate(store, collection, scope, Aggregation.group(field), conditions)) {
            if (result.get("_id") instanceof String value) {
                byValue.put(value, result);
            }
        }
        return byValue;
    }

    /** As {@link #countAll(ProjectionStore, String, Criteria, Conditions)}, over documents in hand. */
    static Document countAll(List<Document> documents, Conditions conditions) {
        List<Evaluator> evaluators = conditions.compiled();
        int[] met = new int[evaluators.size()];
        for (Document document : documents) {
            for (int i = 0; i < met.length; i++) {
                if (Boolean.TRUE.equals(evaluators.get(i).of(document))) {
                    met[i]++;
                }
            }
        }
        Document counts = new Document("total", documents.size());
        int i = 0;
        for (String name : conditions.byName.keySet()) {
            counts.put(name, met[i++]);
        }
        return counts;
    }

    /** As {@link #countBy(ProjectionStore, String, Criteria, String, Conditions)}, over documents in hand. */
    static Map<String, Document> countBy(List<Document> documents, String field, Conditions conditions) {
        Map<String, Document> byValue = new TreeMap<>();
        groupedBy(documents, field).forEach((value, group) -> byValue.put(value, countAll(group, conditions)));
        return byValue;
    }

    /** The documents by their string value of {@code field}, in the values' order; documents without one left out. */
    private static Map<String, List<Document>> groupedBy(List<Document> documents, String field) {
        Map<String, List<Document>> groups = new TreeMap<>();
        for (Document document : documents) {
            if (document.get(field) instanceof String value) {
                groups.computeIfAbsent(value, v -> new ArrayList<>()).add(document);
            }
        }
        return groups;
    }

    /** Whether a condition built here holds for the document, evaluated as MongoDB would. */
    static boolean holds(Object condition, Document document) {
        return Boolean.TRUE.equals(compile(condition).of(document));
    }

    /** An expression built here (a {@code $} field reference, a constant or one operator on its arguments), compiled. */
    private static Evaluator compile(Object expression) {
        if (expression instanceof String reference && reference.startsWith("$")) {
            String field = reference.substring(1);
            return document -> document.get(field);
        }
        if (!(expression instanceof Document operation)) {
            return document -> expression;
        }
        Map.Entry<String, Object> only = operation.entrySet().iterator().next();
        List<Evaluator> arguments = ((List<?>) only.getValue()).stream().map(Counting::compile).toList();
        return switch (only.getKey()) {
            case "$and" -> document -> {
                for (Evaluator argument : arguments) {
                    if (!Boolean.TRUE.equals(argument.of(document))) {
                        return false;
                    }
                }
                return true;
            };
            case "$ifNull" -> {
                Evaluator value = arguments.get(0);
                Evaluator otherwise = arguments.get(1);
                yield document -> {
                    Object found = value.of(document);
                    return found != null ? found : otherwise.of(document);
                };
            }
            case "$eq" -> comparison(arguments, order -> order == 0);
            case "$ne" -> comparison(arguments, order -> order != 0);
            case "$gt" -> comparison(arguments, order -> order > 0);
            case "$gte" -> comparison(arguments, order -> order >= 0);
            case "$lt" -> comparison(arguments, order -> order < 0);
            default -> throw new IllegalArgumentException("Not a counting condition: " + only.getKey());
        };
    }

    private static Evaluator comparison(List<Evaluator> arguments, java.util.function.IntPredicate holds) {
        Evaluator left = arguments.get(0);
        Evaluator right = arguments.get(1);
        return document -> holds.test(compare(left.of(document), right.of(document)));
    }

    private static int compare(Object left, Object right) {
        int byType = Integer.compare(typeOrder(left), typeOrder(right));
        if (byType != 0 || left == null) {
            return byType;
        }
        if (left instanceof Number a) {
            return Double.compare(a.doubleValue(), ((Number) right).doubleValue());
        }
        if (left instanceof String a) {
            return a.compareTo((String) right);
        }
        return Boolean.compare((Boolean) left, (Boolean) right);
    }

    /** MongoDB's comparison order of the types conditions meet: null, numbers, strings, booleans. */
    private static int typeOrder(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number) {
            return 1;
        }
        return value instanceof String ? 2 : 3;
    }

    private static List<Document> aggregate(ProjectionStore store, String collection, Criteria scope, GroupOperation group,
                                            Conditions conditions) {
        GroupOperation counting = group.count().as("total");
        for (Map.Entry<String, Object> condition : conditions.byName.entrySet()) {
            counting = counting.sum(oneIf(condition.getValue())).as(condition.getKey());
        }
        return store.mongo().aggregate(Aggregation.newAggregation(Aggregation.match(scope), counting),
                store.collection(collection), Document.class).getMappedResults();
    }

    /** Adds each count of {@code more} to the same count of {@code sum} (a count {@code sum} lacks starts at 0). */
    static void addTo(Document sum, Document more) {
        more.forEach((name, count) -> sum.put(name, number(sum, name) + ((Number) count).intValue()));
    }

    /** A figure of a counting result: 0 when no document was counted. */
    static int number(Document counts, String name) {
        Number value = counts.get(name, Number.class);
        return value == null ? 0 : value.intValue();
    }

    /** {@code $cond}: 1 where the condition holds, else 0. */
    private static AggregationExpression oneIf(Object condition) {
        return context -> new Document("$cond", Arrays.asList(condition, 1, 0));
    }

    /** The field is {@code true} (not missing, null or false). */
    static Document isTrue(String field) {
        return equal(field, true);
    }

    /** The field is not {@code true}: false, null or missing. */
    static Document isNotTrue(String field) {
        return notEqual(field, true);
    }

    static Document equal(String field, Object value) {
        return new Document("$eq", Arrays.asList("$" + field, value));
    }

    /** The field is not the value, or is missing. */
    static Document notEqual(String field, Object value) {
        return new Document("$ne", Arrays.asList("$" + field, value));
    }

    /** The field is missing or null. */
    static Document isNull(String field) {
        return new Document("$eq", Arrays.asList(new Document("$ifNull", Arrays.asList("$" + field, null)), null));
    }

    /** The field is a number above zero. */
    static Document positive(String field) {
        return new Document("$gt", Arrays.asList("$" + field, 0));
    }

    /** The field is zero, or missing or null (read as zero). */
    static Document zeroOrNone(String field) {
        return new Document("$eq", Arrays.asList(new Document("$ifNull", Arrays.asList("$" + field, 0)), 0));
    }

    /**
     * The field holds an ISO date ({@code yyyy-MM-dd}) before the day, compared as strings, which
     * orders such dates as days. Every string is at least {@code ""}, while a missing or null
     * field sorts below any string: without a date, a document is not before the day.
     */
    static Document before(String field, LocalDate day) {
        return and(new Document("$gte", Arrays.asList("$" + field, "")),
                new Document("$lt", Arrays.asList("$" + field, day.toString())));
    }

    static Document and(Document... conditions) {
        return new Document("$and", List.of(conditions));
    }
}
