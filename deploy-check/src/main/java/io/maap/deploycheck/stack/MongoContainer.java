package io.maap.deploycheck.stack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.maap.deploycheck.compose.ComposeService;
import io.maap.deploycheck.mongo.MongoMain;
import org.bson.Document;

import java.io.IOException;
import java.util.List;

/**
 * The one substitution: {@code mongo:7} replaced by mongo-java-server ({@link MongoMain}) with its
 * data on the compose volume ({@code /data/db}). Its healthcheck calls {@code mongosh}, which is
 * not here: the same {@code ping} command is sent with the MongoDB Java driver instead.
 */
final class MongoContainer extends Container {

    MongoContainer(ComposeService service, Stack stack) throws IOException {
        super(service, stack);
    }

    @Override
    public String describe() {
        return service.image() + " → SUBSTITUTED by mongo-java-server (H2 file on the mongo-data volume): no mongod here";
    }

    @Override
    protected List<String> commandLine() {
        return List.of(KafkaContainer.java(), "-Xmx512m", "-cp", KafkaContainer.classPath(), MongoMain.class.getName(),
                hostPath("/data/db").toString(), "27017");
    }

    @Override
    public HealthProbe.Result probe() {
        String uri = "mongodb://" + stack.network().address(service.name()) + ":27017/?serverSelectionTimeoutMS=2000";
        try (MongoClient client = MongoClients.create(uri)) {
            Object ok = client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok");
            return new HealthProbe.Result(ok != null && ((Number) ok).intValue() == 1, "db.adminCommand('ping') by the Java driver",
                    String.valueOf(ok));
        } catch (RuntimeException e) {
            return new HealthProbe.Result(false, "db.adminCommand('ping') by the Java driver", e.getMessage());
        }
    }
}
