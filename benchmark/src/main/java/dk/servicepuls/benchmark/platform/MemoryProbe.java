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

/** Reads the platform's heap from the actuator and its resident memory from {@code /proc/<pid>/status}. */
public final class MemoryProbe {

    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI heap;
    private final Path status;

    public MemoryProbe(String contactUrl, long pid) {
        this.heap = URI.create(contactUrl + "/actuator/metrics/jvm.memory.used?tag=area:heap");
        this.status = Path.of("/proc", String.valueOf(pid), "status");
    }

    public MemorySample sample() {
        return new MemorySample(heapUsed(), statusKilobytes("VmRSS:"), statusKilobytes("VmHWM:"));
    }

    private long heapUsed() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(heap).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher value = VALUE.matcher(answer.body());
            return answer.statusCode() == 200 && value.find() ? (long) Double.parseDouble(value.group(1)) : -1;
        }
        catch (IOException e) {
            return -1;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
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
