package dk.servicepuls.embeddedstore;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store of mostly cold documents written once, beside a few hot ones that every commit changes: the commits leave
 * chunks that are mostly dead, and the chunks of the cold documents stay full. A compaction pass must free the
 * former and leave the latter alone, since rewriting a full chunk frees nothing and costs a decode and an encode of
 * every document in it, under the lock every command waits for.
 */
class SparseChunkCompactionTests {

    /** More than all the live data of the store, so that only the choice of chunks limits a pass. */
    private static final int BUDGET = 64 * 1024 * 1024;

    @TempDir
    Path directory;

    private SparseChunkFileStore fileStore;

    private MVStore store;

    @BeforeEach
    void storeWithColdChunksAndSparseOnes() {
        this.fileStore = SparseChunkFileStore.open(this.directory.resolve("store.mv").toString(), 16);
        this.store = new MVStore.Builder().adoptFileStore(this.fileStore).autoCommitDisabled().autoCommitBufferSize(0)
                .open();
        this.store.setRetentionTime(0);
        MVMap<Integer, String> cold = this.store.openMap("cold");
        MVMap<Integer, String> hot = this.store.openMap("hot");
        // as the platform writes: each commit adds documents that nothing changes again and changes a few hot ones
        // (every third commit changes many of them: its chunk is soon mostly dead, the others stay mostly live)
        for (int round = 0; round < 300; round++) {
            for (int i = 0; i < 200; i++) {
                int key = round * 200 + i;
                cold.put(key, "cold document " + key + " " + "x".repeat(100));
            }
            for (int i = 0; i < (round % 3 == 0 ? 400 : 10); i++) {
                hot.put(i, "hot document " + i + " round " + round + " " + "y".repeat(200));
            }
            this.store.commit();
        }
    }

    @AfterEach
    void close() {
        this.store.close();
    }

    @Test
    void aPassRewritesOnlyMostlyDeadChunksAndLeavesFullOnesAlone() {
        Map<Integer, Integer> before = this.fileStore.chunkFillRates();
        Set<Integer> full = chunks(before, fill -> fill > 50 && fill < 100);
        Set<Integer> sparse = chunks(before, fill -> fill <= 50);
        assertThat(full).as("chunks more than half full").isNotEmpty();
        assertThat(sparse).as("chunks at most half full").isNotEmpty();

        this.fileStore.rewriteSparseChunks(this.store, BUDGET, 50);
        this.store.commit();

        Set<Integer> emptied = emptied(this.fileStore.chunkFillRates(), before.keySet());
        assertThat(emptied).as("sparse chunks rewritten").isNotEmpty().isSubsetOf(sparse);
        assertThat(full).as("no full chunk rewritten").doesNotContainAnyElementsOf(emptied);
        assertThat(this.store.<Integer, String>openMap("cold").get(59_999)).startsWith("cold document 59999");
        assertThat(this.store.<Integer, String>openMap("hot").get(0)).contains("round 299");
    }

    /** What the pass replaces: MVStore's own compaction fills its budget with old chunks, full or not. */
    @Test
    void theLibrarysCompactionRewritesFullChunksToo() {
        Set<Integer> full = chunks(this.fileStore.chunkFillRates(), fill -> fill > 50 && fill < 100);
        assertThat(full).isNotEmpty();

        this.store.compact(100, BUDGET);
        this.store.commit();

        assertThat(emptied(this.fileStore.chunkFillRates(), full)).as("full chunks rewritten").isNotEmpty();
    }

    /** Those of the chunks that are gone or hold nothing live any more. */
    private static Set<Integer> emptied(Map<Integer, Integer> fillRatesNow, Set<Integer> chunks) {
        return chunks.stream().filter(id -> fillRatesNow.getOrDefault(id, 0) == 0).collect(Collectors.toSet());
    }

    private static Set<Integer> chunks(Map<Integer, Integer> fillRates, java.util.function.IntPredicate fill) {
        return fillRates.entrySet().stream().filter(chunk -> fill.test(chunk.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
