package dk.servicepuls.escalation.risk;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * What an unordered bulk write refused: an operation that met a duplicate key lost a race with another writer and
 * is the caller's to redo; any other refusal is thrown. Never with the driver's message, which names the key (a
 * party's pseudonym, a case id).
 */
final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** @return the positions, in the bulk write, of the operations refused for a duplicate key */
    static List<Integer> positions(List<BulkWriteError> errors, String collection) {
        List<Integer> positions = new ArrayList<>(errors.size());
        for (BulkWriteError error : errors) {
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw new DataIntegrityViolationException(collection + " not written: error " + error.getCode());
            }
            positions.add(error.getIndex());
        }
        return positions;
    }
}
