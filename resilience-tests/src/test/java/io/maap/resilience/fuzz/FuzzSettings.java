package io.maap.resilience.fuzz;

import java.util.Random;

/**
 * The seed and size of a fuzz run: {@code -Dmaap.fuzz.seed=<long>} (or {@code random} for a
 * fresh one) and {@code -Dmaap.fuzz.iterations=<n>} random cases per endpoint or topic. The
 * default seed is fixed, so that CI runs the same cases every time; the seed is printed so that
 * any run can be repeated.
 */
public record FuzzSettings(long seed, int iterations) {

    static final long DEFAULT_SEED = 20261122L;

    public static FuzzSettings fromSystemProperties(String test, int defaultIterations) {
        String seedProperty = System.getProperty("maap.fuzz.seed", "").strip();
        long seed = seedProperty.isEmpty() ? DEFAULT_SEED
                : seedProperty.equals("random") ? new Random().nextLong() : Long.parseLong(seedProperty);
        int iterations = Integer.getInteger("maap.fuzz.iterations", defaultIterations);
        FuzzSettings settings = new FuzzSettings(seed, iterations);
        System.out.println(test + ": -Dmaap.fuzz.seed=" + seed + " -Dmaap.fuzz.iterations=" + iterations);
        return settings;
    }

    public Random random(String salt) {
        return new Random(seed ^ salt.hashCode());
    }
}
