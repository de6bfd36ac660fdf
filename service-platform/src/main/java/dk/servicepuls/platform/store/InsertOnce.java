package dk.servicepuls.platform.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;

/**
 * Inserts a batch of documents keyed by their identity in one unordered bulk write, in which a document whose key is
 * stored already is a repeat, not an error: how the idempotent consumers and ingest write a batch at once.
 */
public final class InsertOnce {

    private static final MongoExceptionTranslator TRANSLATOR = new MongoExceptionTranslator();

    private InsertOnce() {
    }

    /**
     * What one bulk write did.
     *
     * @param stored  the positions (in the batch given) of the documents stored now
     * @param failure why some others were neither stored nor repeats, or {@code null}; whoever gets one must still
     *                act on {@code stored}, because a retry would take those for repeats
     */
    public record Result(List<Integer> stored, DataAccessException failure) {

        public <T> List<T> storedOf(List<T> batch) {
            List<T> of = new ArrayList<>(stored.size());
            stored.forEach(position -> of.add(batch.get(position)));
            return of;
        }
    }

    /** @throws DataAccessException when the store could not be reached: then nothing is known to be stored */
    public static Result insert(MongoCollection<Document> collection, List<Document> documents) {
        Set<Integer> refused = new HashSet<>();
        DataAccessException failure = null;
        if (!documents.isEmpty()) {
            try {
                collection.insertMany(documents, new InsertManyOptions().ordered(false));
            }
            catch (MongoBulkWriteException partly) {
                for (BulkWriteError error : partly.getWriteErrors()) {
                    refused.add(error.getIndex());
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY && failure == null) {
                        failure = new DataIntegrityViolationException("The store refused a document: error " + error.getCode());
                    }
                }
                if (partly.getWriteConcernError() != null && failure == null) {
                    failure = new DataAccessResourceFailureException("The store did not confirm the write");
                }
            }
            catch (MongoException unavailable) {
                DataAccessException translated = TRANSLATOR.translateExceptionIfPossible(unavailable);
                throw translated != null ? translated : unavailable;
            }
        }
        List<Integer> stored = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            if (!refused.contains(i)) {
                stored.add(i);
            }
        }
        return new Result(stored, failure);
    }
}
