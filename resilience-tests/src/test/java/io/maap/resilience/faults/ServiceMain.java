package io.maap.resilience.faults;

import io.maap.local.MaapServices.Service;

import java.util.Arrays;

/**
 * Runs one MAAP service in a process of its own, so that the fault suite can kill it with
 * SIGKILL and start it again: {@code ServiceMain <SERVICE> --property=value ...}.
 */
public final class ServiceMain {

    private ServiceMain() {
    }

    public static void main(String[] args) {
        Service.valueOf(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
    }
}
