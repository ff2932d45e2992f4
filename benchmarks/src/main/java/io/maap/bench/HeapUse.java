package io.maap.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** This JVM's heap: the peak used since the last reset (sum of the heap pools' peaks) and what a full collection leaves. */
final class HeapUse {

    private HeapUse() {
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Peak used and used after a full collection, in bytes. */
    static long[] peakAndLive() {
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.gc();
        return new long[] {peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()};
    }
}
