package dk.servicepuls.benchmark.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads how much CPU the platform's JIT compiler threads have used so far, from {@code /proc/<pid>/task/<tid>/stat}
 * (their names start with "C1 CompilerThre" or "C2 CompilerThre"). Not the JVM's own compilation time
 * ({@code CompilationMXBean}, Micrometer's {@code jvm.compilation.time}): that is wall-clock time, waits for a busy
 * CPU included, and on two saturated cores it reads about twice what the compilers use.
 */
public final class JitProbe {

    /** Linux's USER_HZ, the unit of the stat file's times, 100 on every common kernel. */
    private static final long TICKS_PER_SECOND = 100;

    private final Path tasks;
    private final Map<String, Long> lastTicks = new HashMap<>();
    private long ticks;

    public JitProbe(long pid) {
        this.tasks = Path.of("/proc", String.valueOf(pid), "task");
    }

    /**
     * Milliseconds of CPU the compiler threads have used since the first reading, or -1 where {@code /proc} cannot
     * be read. Compiler threads come and go; a thread's time counts from its first reading, and what a thread used
     * before it ended since its last reading is lost.
     */
    public synchronized long compilerCpuMillis() {
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                String stat = read(thread.resolve("stat"));
                Long used = stat == null ? null : compilerTicks(stat);
                if (used != null) {
                    Long before = lastTicks.put(thread.getFileName().toString(), used);
                    ticks += before == null ? 0 : Math.max(0, used - before);
                }
            }
            return ticks * 1000 / TICKS_PER_SECOND;
        }
        catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A thread's user and system ticks when its stat line names a JIT compiler thread, else null. */
    public static Long compilerTicks(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        if (!isCompilerThread(stat.substring(open + 1, close))) {
            return null;
        }
        // after the name: state (field 3) … utime (14), stime (15)
        String[] fields = stat.substring(close + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * Whether a thread's name is a JIT compiler thread's: by its Java name ("C2 CompilerThread0") or by the kernel's,
     * which keeps 15 characters of it.
     */
    public static boolean isCompilerThread(String name) {
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            return null; // the thread ended meanwhile
        }
    }
}
