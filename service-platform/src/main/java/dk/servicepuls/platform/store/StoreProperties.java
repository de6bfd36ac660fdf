package dk.servicepuls.platform.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param batchCommit whether a consumer's writes for one batch are made durable together at the batch's end, before
 *                    its offsets are committed, instead of each on its own. For a store that commits every
 *                    acknowledged write to its file, as the embedded store of the local mode does: there a commit per
 *                    write is most of a consumer's cost. Off by default: on real MongoDB every write is durable when
 *                    acknowledged (its journal already commits in groups), and the barrier this uses is the embedded
 *                    store's
 */
@ConfigurationProperties("servicepuls.store")
public record StoreProperties(@DefaultValue("false") boolean batchCommit) {
}
