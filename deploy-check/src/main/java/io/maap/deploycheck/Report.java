package io.maap.deploycheck;

import java.util.ArrayList;
import java.util.List;

/** The check's console: one line per part started and per check, then a summary. */
public final class Report {

    private final long start = System.nanoTime();
    private final List<String> failures = new ArrayList<>();
    private int passed;

    private synchronized void line(String kind, String subject, String text) {
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.printf("[%3ds] %-5s %-24s %s%n", seconds, kind, subject, text);
        System.out.flush();
    }

    public void part(String service, String text) {
        line("part", service, text);
    }

    public void note(String subject, String text) {
        line("note", subject, text);
    }

    public synchronized void ok(String check, String detail) {
        passed++;
        line("ok", check, detail);
    }

    public synchronized void fail(String check, String detail) {
        failures.add(check + ": " + detail);
        line("FAIL", check, detail);
    }

    /** Records the outcome of a check that throws when it does not hold. */
    public void check(String check, Check body) {
        try {
            ok(check, body.run());
        } catch (Exception | AssertionError e) {
            fail(check, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    @FunctionalInterface
    public interface Check {
        /** Returns what was seen, for the line; throws with the reason when the check fails. */
        String run() throws Exception;
    }

    public boolean failed() {
        return !failures.isEmpty();
    }

    public void summary() {
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.println();
        if (failures.isEmpty()) {
            System.out.printf("deploy-check: all %d checks passed in %d s%n", passed, seconds);
        } else {
            System.out.printf("deploy-check: %d of %d checks FAILED in %d s:%n", failures.size(), passed + failures.size(), seconds);
            failures.forEach(failure -> System.out.println("  - " + failure));
        }
    }
}
