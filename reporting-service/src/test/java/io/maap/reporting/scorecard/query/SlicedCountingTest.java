package io.maap.reporting.scorecard.query;

import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.projection.query.Documents;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.support.calendar.Lateness;
import io.maap.support.calendar.WorkingDayCalendar;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.query.Criteria;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A count split into slices of {@code _id} adds up to the count in one aggregation, whatever the
 * ids: UUIDs, as the read models' are, and others (short strings on either side of every cut, an
 * empty string, a number, an ObjectId), each counted once.
 */
class SlicedCountingTest {

    private static final LocalDate TODAY = LocalDate.of(2017, 6, 1);
    private static final String[] STATUSES = {"AWAITING", "SUBMITTED", "ACCEPTED", "SENT_BACK"};
    private static final String[] AGENCIES = {"met-police", "nelft", "bhrut"};

    private final ScorecardFigures counted = new ScorecardFigures(new Lateness(WorkingDayCalendar.englandAndWales()));
    private final List<SlicedCounting> made = new ArrayList<>();
    private ProjectionStore store;

    @BeforeEach
    void setUp() {
        store = ProjectionTestSupport.newStore();
        Random random = new Random(7);
        List<Document> returns = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            returns.add(returnRequest(UUID.nameUUIDFromBytes(("r" + i).getBytes(StandardCharsets.UTF_8)).toString(), random));
        }
        for (Object id : List.of("", "0", "7zz", "8", "80", "f", "fff", "g", "r1", "Z", "~", 42, 7.5, new ObjectId())) {
            returns.add(returnRequest(id, random));
        }
        store.mongo().getCollection(store.collection(ReturnsProjection.RETURNS)).insertMany(returns);
        List<Document> findings = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            findings.add(new Document("_id", i % 10 == 0 ? "finding-" + i : UUID.randomUUID().toString())
                    .append("programmeId", "p" + i % 3).append("aspect", "aspect-" + i % 4)
                    .append("kind", i % 3 == 0 ? "GOOD_PRACTICE" : "AREA_FOR_IMPROVEMENT")
                    .append("agencies", List.of(AGENCIES[i % 3])));
        }
        store.mongo().getCollection(store.collection(LearningProjection.FINDINGS)).insertMany(findings);
    }

    @AfterEach
    void tearDown() {
        made.forEach(SlicedCounting::destroy);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 16})
    void slicesAddUpToTheWholeCount(int slices) {
        SlicedCounting sliced = sliced(slices);
        Criteria everything = new Criteria();

        Document whole = Counting.countAll(store, ReturnsProjection.RETURNS, everything, counted.returnFigures(TODAY));
        Document added = sliced.countAll(store, ReturnsProjection.RETURNS, everything, counted.returnFigures(TODAY));

        assertThat(Counting.number(whole, "total")).isEqualTo(414);
        assertThat(withoutId(added)).isEqualTo(withoutId(whole));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 16})
    void slicesKeepTheScope(int slices) {
        Criteria ofAnAgency = Documents.where("agency", "nelft");

        Document whole = Counting.countAll(store, ReturnsProjection.RETURNS, ofAnAgency, counted.returnFigures(TODAY));
        Document added = sliced(slices).countAll(store, ReturnsProjection.RETURNS, ofAnAgency, counted.returnFigures(TODAY));

        assertThat(Counting.number(whole, "total")).isBetween(100, 200);
        assertThat(withoutId(added)).isEqualTo(withoutId(whole));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 16})
    void slicesCountEachValueOfAField(int slices) {
        Criteria everything = new Criteria();

        Map<String, Document> whole = Counting.countBy(store, LearningProjection.FINDINGS, everything, "aspect",
                ScorecardFigures.findingFigures());
        Map<String, Document> added = sliced(slices).countBy(store, LearningProjection.FINDINGS, everything, "aspect",
                ScorecardFigures.findingFigures());

        assertThat(added).hasSize(4).containsOnlyKeys(whole.keySet());
        whole.forEach((aspect, counts) -> assertThat(withoutId(added.get(aspect))).isEqualTo(withoutId(counts)));
        assertThat(ScorecardFigures.findings(added)).isEqualTo(ScorecardFigures.findings(whole));
    }

    @Test
    void nothingInScopeCountsZeros() {
        Document added = sliced(4).countAll(store, ReturnsProjection.RETURNS, Documents.where("agency", "nobody"),
                counted.returnFigures(TODAY));

        assertThat(ScorecardFigures.returns(added)).isEqualTo(ScorecardFigures.returns(new Document()));
    }

    @Test
    void theScorecardOfEverythingIsCountedInSlicesAndAgrees() {
        Lateness lateness = new Lateness(WorkingDayCalendar.englandAndWales());
        Scorecards inOne = new Scorecards(lateness);
        Scorecards inSlices = new Scorecards(lateness, io.maap.reporting.projection.query.ProgrammeViewCache.none(), sliced(4));

        assertThat(inSlices.compute(store, TODAY, null, null, null).figures())
                .isEqualTo(inOne.compute(store, TODAY, null, null, null).figures());
        assertThat(inSlices.compute(store, TODAY, null, null, "bhrut").figures())
                .isEqualTo(inOne.compute(store, TODAY, null, null, "bhrut").figures());
    }

    @Test
    void refusesSlicesItCannotCut() {
        assertThatThrownBy(() -> new SlicedCounting(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maap.reporting.count-slices must be from 1 to 16, not 0");
        assertThatThrownBy(() -> new SlicedCounting(17)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 17");
    }

    @Test
    void cutsAtHexadecimalDigits() {
        assertThat(SlicedCounting.bounds(2)).extracting(c -> c.getCriteriaObject().toJson()).containsExactly(
                "{\"_id\": {\"$not\": {\"$gte\": \"8\"}}}", "{\"_id\": {\"$gte\": \"8\"}}");
        assertThat(SlicedCounting.bounds(4)).hasSize(4).element(2).extracting(c -> c.getCriteriaObject().toJson())
                .isEqualTo("{\"_id\": {\"$gte\": \"8\", \"$lt\": \"c\"}}");
    }

    private SlicedCounting sliced(int slices) {
        SlicedCounting sliced = new SlicedCounting(slices);
        made.add(sliced);
        return sliced;
    }

    private static Document returnRequest(Object id, Random random) {
        boolean received = random.nextBoolean();
        Document request = new Document("_id", id).append("programmeId", "p" + random.nextInt(3))
                .append("agency", AGENCIES[random.nextInt(3)]).append("received", received)
                .append("status", STATUSES[random.nextInt(4)]).append("awaitingAgency", !received)
                .append("dueDate", LocalDate.of(2017, 4, 1).plusDays(random.nextInt(120)).toString());
        if (received) {
            request.append("firstWorkingDaysLate", random.nextInt(3));
        }
        if (random.nextInt(5) == 0) {
            request.append("nil", true);
        }
        if (random.nextInt(5) == 0) {
            request.append("sentBackCount", 1 + random.nextInt(2));
        }
        return request;
    }

    private static Document withoutId(Document counts) {
        Document copy = new Document(counts);
        copy.remove("_id");
        return copy;
    }
}
