package io.maap.reporting.projection.query;

import io.maap.reporting.ProjectionTestSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two updates merged into one end as the two written one after the other, on a new document and
 * on an existing one; pairs whose outcome would depend on the order of operators are not merged.
 */
class UpdateMergingTest {

    private static final List<Update> UPDATES = List.of(
            new Update().set("status", "A").set("count", 0),
            new Update().inc("count", 2).push("history", new Document("kind", "x")),
            new Update().push("history", new Document("kind", "y")).set("status", "B"),
            new Update().unset("closedOn").set("open", true),
            new Update().set("closedOn", "2017-07-01").set("open", false),
            new Update().setOnInsert("stage", "PLANNED").set("title", "T"),
            new Update().set("stage", "COMMISSIONED"),
            new Update().min("milestones.TOOL_SENT.actual", "2017-05-01"),
            new Update().set("milestones.TOOL_SENT", new Document("actual", "2017-06-01")),
            new Update().inc("count", 1L));

    @Test
    void aMergedUpdateEndsAsTheTwoOneAfterTheOther() {
        ProjectionStore store = ProjectionTestSupport.newStore();
        int merged = 0;
        int n = 0;
        for (Update first : UPDATES) {
            for (Update second : UPDATES) {
                Update both = UpdateMerging.merge(first, second);
                if (both == null) {
                    continue;
                }
                merged++;
                for (boolean existing : new boolean[] {false, true}) {
                    String one = "one" + n;
                    String two = "two" + n++;
                    if (existing) {
                        store.mongo().insert(new Document("_id", one).append("count", 5).append("status", "Z"), "things");
                        store.mongo().insert(new Document("_id", two).append("count", 5).append("status", "Z"), "things");
                    }
                    upsert(store, one, first);
                    upsert(store, one, second);
                    upsert(store, two, both);
                    Document sequential = store.mongo().findById(one, Document.class, "things");
                    Document together = store.mongo().findById(two, Document.class, "things");
                    sequential.remove("_id");
                    together.remove("_id");
                    assertThat(together).as("%s then %s (existing: %s)", first, second, existing).isEqualTo(sequential);
                }
            }
        }
        assertThat(merged).isGreaterThan(40);
    }

    @Test
    void aLaterSetOnInsertOrTwoMinsAreNotMerged() {
        assertThat(UpdateMerging.merge(new Update().set("a", 1), new Update().setOnInsert("b", 1))).isNull();
        assertThat(UpdateMerging.merge(new Update().min("a", 1), new Update().min("a", 0))).isNull();
        assertThat(UpdateMerging.merge(new Update().set("a", 1), new Update().set("a.b", 1))).isNull();
        assertThat(UpdateMerging.merge(new Update().set("a.b", 1), new Update().inc("a", 1))).isNull();
    }

    @Test
    void fieldsThatOnlyShareTheStartOfTheirNameAreMerged() {
        Update merged = UpdateMerging.merge(new Update().set("a", 1).set("ab.c", 2), new Update().set("abc", 3).inc("ab.cd", 4));
        assertThat(merged).isNotNull();
        assertThat(merged.getUpdateObject().get("$set", Document.class)).containsOnlyKeys("a", "ab.c", "abc");
        assertThat(merged.getUpdateObject().get("$inc", Document.class)).containsEntry("ab.cd", 4);
    }

    @Test
    void aDocumentInsertedAsAnUpdateWouldMakeItEqualsTheUpsertsDocument() {
        ProjectionStore store = ProjectionTestSupport.newStore();
        List<Update> updates = new java.util.ArrayList<>(UPDATES);
        updates.add(new Update().max("highest", 3).push("seen", new Document("$each", List.of(1, 2))).inc("count", 1)
                .set("day", java.time.LocalDate.of(2017, 4, 26)).set("none", null).push("nulls", null));
        for (Update first : UPDATES) {
            for (Update second : UPDATES) {
                Update both = UpdateMerging.merge(first, second);
                if (both != null) {
                    updates.add(both);
                }
            }
        }
        int inserted = 0;
        for (int n = 0; n < updates.size(); n++) {
            Update update = updates.get(n);
            Document document = UpdateMerging.inserted("ins" + n, update);
            if (document == null) {
                // a dotted path: left to the upsert
                assertThat(update.getUpdateObject().values().stream().flatMap(fields -> ((Document) fields).keySet().stream()))
                        .as("%s", update).anyMatch(path -> path.contains("."));
                continue;
            }
            inserted++;
            store.mongo().insert(store.mongo().getConverter().convertToMongoType(document), "things");
            upsert(store, "ups" + n, update);
            Document upserted = store.mongo().findById("ups" + n, Document.class, "things");
            Document insertedThere = store.mongo().findById("ins" + n, Document.class, "things");
            upserted.remove("_id");
            insertedThere.remove("_id");
            assertThat(insertedThere).as("%s", update).isEqualTo(upserted);
        }
        assertThat(inserted).isGreaterThan(30);
        assertThat(UpdateMerging.inserted("x", new Update().set("a", 1).rename("b", "c"))).isNull();
        assertThat(UpdateMerging.inserted("x", new Update().push("a").slice(2).each(1, 2, 3))).isNull();
    }

    private static void upsert(ProjectionStore store, String id, Update update) {
        store.mongo().upsert(Query.query(Criteria.where("_id").is(id)), update, "things");
    }
}
