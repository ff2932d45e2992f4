package io.maap.bench;

import io.maap.local.MaapServices.Service;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

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
                long peak = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        peak += pool.getPeakUsage().getUsed();
                    }
                }
                System.gc();
                long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.println("MAAP-HEAP " + peak + " " + live);
                System.out.flush();
            }
        }
        context.close();
        System.exit(0);
    }
}
