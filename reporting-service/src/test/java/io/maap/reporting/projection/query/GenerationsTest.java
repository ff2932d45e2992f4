package io.maap.reporting.projection.query;

import com.mongodb.client.MongoClients;
import io.maap.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GenerationsTest {

    private static MongoTemplate newMongo() {
        String uri = TestInfrastructure.newMongoUri("generations_test");
        int slash = uri.lastIndexOf('/');
        return new MongoTemplate(MongoClients.create(uri.substring(0, slash)), uri.substring(slash + 1));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> readers() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("the live consumers",
                        (java.util.function.Function<Generations, ProjectionStore>) Generations::activeForEvents),
                org.junit.jupiter.params.provider.Arguments.of("queries",
                        (java.util.function.Function<Generations, ProjectionStore>) Generations::activeForReads));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("readers")
    void followAnotherInstancesSwitchOnceTheirPointerIsOlderThanItsMaximumAge(String who,
                                                                              java.util.function.Function<Generations, ProjectionStore> live) {
        MongoTemplate mongo = newMongo();
        AtomicLong now = new AtomicLong(1_000_000_000L);
        Generations one = new Generations(mongo);
        Generations other = new Generations(mongo, Duration.ofMillis(250), now::get);
        assertThat(live.apply(other).prefix()).isEqualTo("g1_");

        one.switchTo(2);

        now.addAndGet(Duration.ofMillis(249).toNanos());
        assertThat(live.apply(other).prefix()).as("read 249 ms ago").isEqualTo("g1_");
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(live.apply(other).prefix()).as("read 250 ms ago").isEqualTo("g2_");
        assertThat(other.active().prefix()).isEqualTo("g2_");
    }

    @Test
    void aMaximumAgeOfZeroReadsThePointerForEveryEvent() {
        MongoTemplate mongo = newMongo();
        Generations one = new Generations(mongo);
        Generations other = new Generations(mongo, Duration.ZERO, () -> 5L);
        assertThat(other.activeForEvents().prefix()).isEqualTo("g1_");

        one.switchTo(2);

        assertThat(other.activeForEvents().prefix()).isEqualTo("g2_");
    }

    @Test
    void theSwitchingInstanceWritesToTheNewGenerationAtOnce() {
        MongoTemplate mongo = newMongo();
        AtomicLong now = new AtomicLong(1);
        Generations one = new Generations(mongo, Duration.ofHours(1), now::get);
        assertThat(one.activeForEvents().prefix()).isEqualTo("g1_");

        one.switchTo(2);

        assertThat(one.activeForEvents().prefix()).isEqualTo("g2_");
    }

    @Test
    void whatAnInstanceWroteToTheReplacedGenerationAfterTheSwitchIsDroppedWhenItSeesTheSwitch() {
        MongoTemplate mongo = newMongo();
        AtomicLong now = new AtomicLong(1);
        Generations one = new Generations(mongo);
        Generations other = new Generations(mongo, Duration.ofSeconds(1), now::get);
        ProjectionStore stale = other.activeForEvents();
        one.switchTo(2);
        // an event applied with the pointer read before the switch recreates the dropped generation
        mongo.insert(new Document("_id", "late"), stale.collection("return_requests"));
        assertThat(mongo.getCollectionNames()).contains("g1_return_requests");

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(other.activeForEvents().prefix()).isEqualTo("g2_");

        assertThat(mongo.getCollectionNames()).noneMatch(name -> name.startsWith("g1_"));
    }

    @Test
    void theReplacedGenerationIsKeptWholeForAWhileAfterTheSwitchForQueriesThatReadThePointerBefore() {
        MongoTemplate mongo = newMongo();
        mongo.insert(new Document("_id", "r1"), "g1_return_requests");
        Generations one = new Generations(mongo, Duration.ZERO, System::nanoTime, Duration.ofMillis(300));
        ProjectionStore before = one.activeForReads();

        long switched = System.nanoTime();
        one.switchTo(2);

        assertThat(one.activeForReads().prefix()).isEqualTo("g2_");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), before.collection("return_requests")))
                .as("the replaced generation, read at once after the switch").isEqualTo(1);
        assertThat(one.replacedNotYetDropped()).as("what shredding must reach meanwhile")
                .extracting(ProjectionStore::prefix).containsExactly("g1_");
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollectionNames().stream().noneMatch(n -> n.startsWith("g1_")));
        assertThat(System.nanoTime() - switched).as("dropped no sooner than kept for").isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
        await().atMost(Duration.ofSeconds(10)).until(() -> one.replacedNotYetDropped().isEmpty());
    }

    @Test
    void aReplacedGenerationAnInstanceStoppedBeforeDroppingIsDroppedByTheNextToStart() {
        MongoTemplate mongo = newMongo();
        new Generations(mongo, Duration.ZERO, System::nanoTime, Duration.ofHours(1)).switchTo(3);
        mongo.insert(new Document("_id", "left"), "g2_return_requests");
        mongo.insert(new Document("_id", "live"), "g3_return_requests");
        mongo.insert(new Document("_id", "rebuilding"), "g4_return_requests");

        new Generations(mongo);

        assertThat(mongo.getCollectionNames()).contains("g3_return_requests", "g4_return_requests")
                .doesNotContain("g2_return_requests");
    }

    @Test
    void aNegativeTimeToKeepAReplacedGenerationIsRefused() {
        MongoTemplate mongo = newMongo();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Generations(mongo, Duration.ZERO, System::nanoTime,
                        Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maap.reporting.replaced-generation-kept-for");
    }

    @Test
    void aNegativeMaximumAgeIsRefused() {
        MongoTemplate mongo = newMongo();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Generations(mongo, Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maap.reporting.generation-pointer-max-age");
    }

    @Test
    void anInstanceFollowsASwitchMadeByAnother() {
        MongoTemplate mongo = newMongo();
        Generations one = new Generations(mongo);
        Generations other = new Generations(mongo);
        assertThat(other.activeGeneration()).isEqualTo(1);

        one.switchTo(2); // a rebuild finished on the first instance

        assertThat(other.activeGeneration()).isEqualTo(2);
        assertThat(other.active().prefix()).isEqualTo("g2_");
    }

    @Test
    void eachInstanceIsToldOfASwitchOnceWhenItSeesIt() {
        MongoTemplate mongo = newMongo();
        Generations one = new Generations(mongo);
        Generations other = new Generations(mongo);
        List<String> toldOne = new ArrayList<>();
        List<String> toldOther = new ArrayList<>();
        one.onSwitch(store -> toldOne.add(store.prefix()));
        other.onSwitch(store -> toldOther.add(store.prefix()));
        other.activeGeneration();

        one.switchTo(2);

        assertThat(toldOne).containsExactly("g2_");
        assertThat(toldOther).isEmpty();
        other.activeGeneration();
        other.activeGeneration();
        one.activeGeneration();
        assertThat(toldOther).containsExactly("g2_");
        assertThat(toldOne).containsExactly("g2_");
        assertThat(other.lastSeen()).isEqualTo(2);
    }
}
