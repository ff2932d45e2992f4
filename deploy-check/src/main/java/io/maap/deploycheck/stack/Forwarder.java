package io.maap.deploycheck.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A published port ({@code ports: ["8180:8080"]}), as Docker's proxy makes it: connections to
 * the check's host on the published port are relayed to the service's address and target port.
 */
final class Forwarder implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;

    Forwarder(int published, InetSocketAddress target) throws IOException {
        this.server = new ServerSocket();
        this.server.setReuseAddress(true);
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), published));
        this.target = target;
        Thread acceptor = new Thread(this::accept, "publish-" + published);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(target, 5000);
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger(2);
                pipe(client, upstream, open);
                pipe(upstream, client, open);
            } catch (IOException e) {
                // closed
            }
        }
    }

    private static void pipe(Socket from, Socket to, java.util.concurrent.atomic.AtomicInteger open) {
        Thread thread = new Thread(() -> {
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[16384];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException ignored) {
                // a side closed or reset: the other direction ends too
                closeQuietly(from);
                closeQuietly(to);
            }
            if (open.decrementAndGet() == 0) {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
