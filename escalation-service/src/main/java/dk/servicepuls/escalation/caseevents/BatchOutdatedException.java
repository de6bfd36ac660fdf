package dk.servicepuls.escalation.caseevents;

/**
 * Thrown by a feature that keeps a batch's writes back for one bulk write at its end, when it finds that another
 * writer changed what it decided on in the meantime: what it kept back is not written (or not wholly), and its
 * decisions must be made again on the data as it is now. The listener then hands the same batch over again; the
 * feature writes that second pass through, so it cannot be outdated the same way twice. Rare: it takes a caseworker,
 * the SLA ladder or the other topic's thread writing the same case within the same poll.
 */
public class BatchOutdatedException extends RuntimeException {

    public BatchOutdatedException(String message) {
        super(message);
    }
}
