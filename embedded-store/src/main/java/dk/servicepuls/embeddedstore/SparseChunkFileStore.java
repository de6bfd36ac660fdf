package dk.servicepuls.embeddedstore;

import java.util.HashMap;
import java.util.Map;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;

/**
 * MVStore's single file, with a compaction that rewrites only chunks that are mostly dead.
 * <p>
 * MVStore's public {@link MVStore#compact(int, int)} fills its write budget with the oldest chunks whatever their fill
 * rate (it asks for chunks up to 100 % full), so each pass also rewrote full chunks of cold documents, which frees
 * nothing: it read them back from the file, decoded them and had the next commit encode and write them again. In a
 * store that every commit writes a new chunk into, that rewrote the budget every time, and the pass held the store
 * exclusively while it did (decision record 0001, point 18).
 */
final class SparseChunkFileStore extends SingleFileStore {

    private SparseChunkFileStore(Map<String, Object> config) {
        super(config);
    }

    /** Opens (or creates) the file, for {@link MVStore.Builder#adoptFileStore}. */
    static SparseChunkFileStore open(String fileName, int cacheMegabytes) {
        Map<String, Object> config = new HashMap<>();
        config.put("cacheSize", cacheMegabytes);
        SparseChunkFileStore store = new SparseChunkFileStore(config);
        store.open(fileName, false, null);
        return store;
    }

    /**
     * Rewrites the live pages of chunks at most {@code fillRatePercent} full, about {@code writeBytes} of them, into
     * the coming commit, which stores them and frees those chunks once nothing refers to them.
     */
    void rewriteSparseChunks(MVStore mvStore, int writeBytes, int fillRatePercent) {
        // under MVStore's store lock, as its own housekeeping does: no commit can run meanwhile
        mvStore.executeFilestoreOperation(() -> rewriteChunks(writeBytes, fillRatePercent));
    }

    /** Each chunk's live share of its pages, in percent, by chunk id. */
    Map<Integer, Integer> chunkFillRates() {
        Map<Integer, Integer> fillRates = new HashMap<>();
        getChunks().forEach((id, chunk) -> fillRates.put(id,
                chunk.maxLen <= 0 ? 0 : (int) (100 * chunk.maxLenLive / chunk.maxLen)));
        return fillRates;
    }

    /**
     * Where less than {@code fillRatePercent} of the file is in use, moves about {@code moveBytes} of chunks from its
     * end into the free space before, as they are (no page is decoded), and gives the end back to the file system.
     */
    void moveChunksForward(MVStore mvStore, int moveBytes, int fillRatePercent) {
        if (getFillRate() < fillRatePercent) {
            compactMoveChunks(fillRatePercent, moveBytes, mvStore);
        }
    }

}
