package dk.servicepuls.benchmark.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The local mode jar as a child process. Its output goes to a log file (never to the console: it is long, and the
 * benchmark's progress lines must stay readable); the ready line it prints once every service is healthy is what
 * time-to-ready is measured to.
 */
public final class LocalModeProcess implements AutoCloseable {

    static final String READY_LINE = "Servicepuls is ready in";
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final Process process;
    private final long spawnedAt;
    private final CompletableFuture<Duration> ready = new CompletableFuture<>();
    private final Path jfrFile;

    private LocalModeProcess(Process process, long spawnedAt, Path jfrFile) {
        this.process = process;
        this.spawnedAt = spawnedAt;
        this.jfrFile = jfrFile;
    }

    /**
     * Spawns {@code java -jar localJar} with a JFR recording that is written to {@code jfrFile} when the process
     * exits, on a data folder of its own.
     */
    public static LocalModeProcess spawn(Path localJar, Path dataDir, Path jfrFile, Path logFile, PlatformPorts ports,
            List<String> jvmOptions) {
        return spawn(localJar, dataDir, jfrFile, logFile, ports, jvmOptions, List.of());
    }

    /** The same, with more of the local mode's own options ({@code --servicepuls.local.replay-from=…}). */
    public static LocalModeProcess spawn(Path localJar, Path dataDir, Path jfrFile, Path logFile, PlatformPorts ports,
            List<String> jvmOptions, List<String> localOptions) {
        if (!Files.isRegularFile(localJar)) {
            throw new IllegalArgumentException("No local mode jar at " + localJar.toAbsolutePath()
                    + "; build it with ./mvnw -B -DskipTests package -pl local -am");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:StartFlightRecording=filename=" + jfrFile + ",settings=profile,dumponexit=true,name=benchmark");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(localJar.toString());
        command.add("--servicepuls.local.data-dir=" + dataDir);
        command.addAll(ports.arguments());
        command.addAll(localOptions);
        try {
            long spawnedAt = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            LocalModeProcess child = new LocalModeProcess(process, spawnedAt, jfrFile);
            child.copyOutput(logFile);
            return child;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot start the local mode", e);
        }
    }

    /** Time from spawn to the ready line; fails when the process exits first or the limit passes. */
    public Duration awaitReady(Duration limit) throws InterruptedException, TimeoutException {
        try {
            return ready.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path jfrFile() {
        return jfrFile;
    }

    /** SIGTERM, so the local mode stops its services in order and the JVM writes the JFR recording; then SIGKILL. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void copyOutput(Path logFile) {
        Thread copier = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    log.println(line);
                    if (!ready.isDone() && line.contains(READY_LINE)) {
                        ready.complete(Duration.ofNanos(System.nanoTime() - spawnedAt));
                    }
                }
            }
            catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("The local mode exited (status "
                    + exitValueOrUnknown() + ") before it was ready; see " + logFile));
        }, "local-mode-output");
        copier.setDaemon(true);
        copier.start();
    }

    private String exitValueOrUnknown() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "unknown";
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
