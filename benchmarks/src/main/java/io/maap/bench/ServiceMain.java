package io.maap.bench;

import io.maap.local.MaapServices.Service;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * One service in a JVM of its own, for {@link ForkedService}: {@code ServiceMain <SERVICE> --key=value...}.
 * Prints {@code MAAP-READY <port>} once started; answers {@code heap} on standard input with
 * {@code MAAP-HEAP <peak used> <used after a full collection>} (bytes); stops at {@code stop} or end of input.
 */
public final class ServiceMain {

    private ServiceMain() {
    }

    public static void main(String[] args) throws Exception {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        ConfigurableApplicationContext context = Service.valueOf(args[0]).run(rest);
        System.out.println("MAAP-READY " + context.getEnvironment().getRequiredProperty("local.server.port"));
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null && !line.equals("stop")) {
            if (line.equals("heap")) {
                long[] heap = HeapUse.peakAndLive();
                System.out.println("MAAP-HEAP " + heap[0] + " " + heap[1]);
                System.out.flush();
            }
        }
        context.close();
        System.exit(0);
    }
}
