package io.maap.reporting.projection.query;

import io.maap.reporting.projection.query.ProjectionStore;

import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Small helpers for reading projection documents. */
public final class Documents {

    private Documents() {
    }

    /** Criteria matching every given equality filter that is not null. */
    public static Criteria where(Object... fieldsAndValues) {
        List<Criteria> criteria = new ArrayList<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i + 1] != null) {
                criteria.add(Criteria.where((String) fieldsAndValues[i]).is(fieldsAndValues[i + 1]));
            }
        }
        return criteria.isEmpty() ? new Criteria() : new Criteria().andOperator(criteria);
    }

    public static List<Document> find(ProjectionStore store, String collection, Criteria criteria) {
        return store.mongo().find(Query.query(criteria), Document.class, store.collection(collection));
    }

    /**
     * The different values of a text field among the documents matching the criteria, sorted,
     * found by MongoDB's {@code distinct}; a document without the field adds none.
     */
    public static List<String> distinct(ProjectionStore store, String collection, String field, Criteria criteria) {
        return store.mongo().findDistinct(Query.query(criteria), field, store.collection(collection), String.class).stream()
                .filter(Objects::nonNull)
                .sorted()
                .distinct()
                .toList();
    }

    public static LocalDate date(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }

    public static boolean flag(Document document, String field) {
        return Boolean.TRUE.equals(document.getBoolean(field));
    }

    public static int number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.intValue();
    }
}
