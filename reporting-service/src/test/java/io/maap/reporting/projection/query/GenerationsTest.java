package io.maap.reporting.projection.query;

import com.mongodb.client.MongoClients;
import io.maap.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationsTest {

    @Test
    void anInstanceFollowsASwitchMadeByAnother() {
        String uri = TestInfrastructure.newMongoUri("generations_test");
        int slash = uri.lastIndexOf('/');
        MongoTemplate mongo = new MongoTemplate(MongoClients.create(uri.substring(0, slash)), uri.substring(slash + 1));
        Generations one = new Generations(mongo);
        Generations other = new Generations(mongo);
        assertThat(other.activeGeneration()).isEqualTo(1);

        one.switchTo(2); // a rebuild finished on the first instance

        assertThat(other.activeGeneration()).isEqualTo(2);
        assertThat(other.active().prefix()).isEqualTo("g2_");
    }

    @Test
    void eachInstanceIsToldOfASwitchOnceWhenItSeesIt() {
        String uri = TestInfrastructure.newMongoUri("generations_test");
        int slash = uri.lastIndexOf('/');
        MongoTemplate mongo = new MongoTemplate(MongoClients.create(uri.substring(0, slash)), uri.substring(slash + 1));
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
