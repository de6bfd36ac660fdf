package dk.servicepuls.embeddedstore;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.BinData;

/** How much memory a stored value takes, for MVStore's cache accounting. */
final class MemoryEstimate {

    private MemoryEstimate() {
    }

    /** A rough size: it only has to be cheap and in proportion. */
    static int of(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 48 + 2 * String.valueOf(entry.getKey()).length() + of(entry.getValue());
            }
            return size;
        }
        if (value instanceof List<?> list) {
            int size = 40;
            for (Object element : list) {
                size += 8 + of(element);
            }
            return size;
        }
        if (value instanceof String string) {
            return 48 + string.length();
        }
        if (value instanceof BinData binData) {
            return 32 + binData.getData().length;
        }
        return 24;
    }

}
