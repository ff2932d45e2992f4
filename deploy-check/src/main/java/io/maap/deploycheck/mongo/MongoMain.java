package io.maap.deploycheck.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * In place of {@code mongo:7}, the check's one substitution: mongo-java-server (MongoDB's wire
 * protocol) keeping its data in an H2 file on the compose volume, listening on all addresses.
 * Arguments: the data directory, the port.
 */
public final class MongoMain {

    private MongoMain() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        Files.createDirectories(directory);
        MongoServer server = new MongoServer(new H2Backend(directory.resolve("mongo-java-server.mv").toString()));
        server.bind("0.0.0.0", Integer.parseInt(args[1]));
        System.out.println("mongo-java-server listening on 0.0.0.0:" + args[1] + ", data in " + directory);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        new CountDownLatch(1).await();
    }
}
