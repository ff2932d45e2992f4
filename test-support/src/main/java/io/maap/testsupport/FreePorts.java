package io.maap.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free local ports, for servers a test starts on a port it must know beforehand. */
public final class FreePorts {

    private FreePorts() {
    }

    public static int one() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port whose successor is free too (a Kafka broker's controller listens on the next port). */
    public static int pair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = one();
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("No two adjacent free ports");
    }
}
