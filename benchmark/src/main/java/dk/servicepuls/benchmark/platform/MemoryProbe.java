package dk.servicepuls.benchmark.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the platform's heap from its Prometheus endpoint (open, as for a scraper; the actuator's metrics endpoint
 * wants a token) and its resident memory from {@code /proc/<pid>/status}.
 */
public final class MemoryProbe {

    /** One heap pool's line, e.g. {@code jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.2E8}. */
    private static final Pattern HEAP_POOL = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*}\\s+([0-9.Ee+-]+)\\s*$", Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI heap;
    private final Path status;

    public MemoryProbe(String contactUrl, long pid) {
        this.heap = URI.create(contactUrl + "/actuator/prometheus");
        this.status = Path.of("/proc", String.valueOf(pid), "status");
    }

    public MemorySample sample() {
        return new MemorySample(heapUsed(), statusKilobytes("VmRSS:"), statusKilobytes("VmHWM:"));
    }

    private long heapUsed() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(heap).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? heapUsed(answer.body()) : -1;
        }
        catch (IOException e) {
            return -1;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The sum over the heap's pools in a Prometheus exposition, or -1 where it has none. */
    public static long heapUsed(String exposition) {
        Matcher pool = HEAP_POOL.matcher(exposition);
        double sum = 0;
        boolean found = false;
        while (pool.find()) {
            sum += Double.parseDouble(pool.group(1));
            found = true;
        }
        return found ? (long) sum : -1;
    }

    private long statusKilobytes(String field) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim()) * 1024;
                }
            }
        }
        catch (IOException | NumberFormatException e) {
            // no /proc (not Linux) or the process is gone
        }
        return -1;
    }
}
