package dk.servicepuls.benchmark;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import dk.servicepuls.benchmark.kafka.GroupLag;
import dk.servicepuls.benchmark.report.Format;

/**
 * Between two phases: waits, at most the lag limit, until every event sent so far is on {@code contact.events} and
 * every consumer group has read everything, so that a phase measures its own load rather than the backlog the one
 * before left. How long it took, or that it did not happen, goes into the report's notes.
 */
final class Settling {

    private static final long POLL_MILLIS = 1000;

    private final PhaseContext context;
    private final List<String> notes;

    Settling(PhaseContext context, List<String> notes) {
        this.context = context;
        this.notes = notes;
    }

    void after(String phase) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + context.settings().lagLimit().toNanos();
        try (GroupLag lag = new GroupLag(context.ports().bootstrapServers())) {
            long atStart = behind(lag);
            AtomicLong behindNow = new AtomicLong(atStart);
            try (Progress.Phase progress = context.progress().track("settling after " + phase + ", caught up",
                    atStart, () -> atStart - behindNow.get())) {
                settle(phase, lag, behindNow, started, deadline);
            }
        }
        catch (ExecutionException | TimeoutException e) {
            notes.add("After " + phase + " the consumer groups' lag could not be read (" + e.getMessage()
                    + "); the next phase began without waiting.");
        }
    }

    private void settle(String phase, GroupLag lag, AtomicLong behindNow, long started, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            long behind = behind(lag);
            behindNow.set(behind);
            if (behind == 0) {
                double seconds = (System.nanoTime() - started) / 1e9;
                notes.add("After " + phase + " the platform took " + Format.seconds(seconds)
                        + " to settle (everything on contact.events and read by every group) before the next phase.");
                System.out.printf("[settling] after %s: settled in %s%n", phase, Format.seconds(seconds));
                return;
            }
            if (System.nanoTime() > deadline) {
                notes.add("After " + phase + " the platform had not settled within "
                        + Format.duration(context.settings().lagLimit()) + ": " + Format.count(behind)
                        + " events still behind when the next phase began, which competed with them.");
                System.out.printf("[settling] after %s: %s still behind, going on%n", phase, Format.count(behind));
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Events sent but not on contact.events yet, and records not yet read by each group. */
    private long behind(GroupLag lag) throws InterruptedException, ExecutionException, TimeoutException {
        long behind = context.backlog().outstanding();
        for (String group : GroupLag.GROUPS) {
            behind += lag.lag(group);
        }
        return behind;
    }
}
