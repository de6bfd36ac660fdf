package dk.servicepuls.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dk.servicepuls.benchmark.platform.MemoryProbe;
import org.junit.jupiter.api.Test;

class MemoryProbeTests {

    @Test
    void theHeapIsTheSumOfItsPoolsAndLeavesOutEverythingElse() {
        String exposition = """
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.5E8
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.5E8
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
                jvm_memory_max_bytes{area="heap",id="G1 Old Gen"} 4.0E9
                """;

        assertThat(MemoryProbe.heapUsed(exposition)).isEqualTo(400_000_000L);
    }

    @Test
    void anExpositionWithoutHeapPoolsIsUnknown() {
        assertThat(MemoryProbe.heapUsed("jvm_threads_live_threads 42.0\n")).isEqualTo(-1);
    }
}
