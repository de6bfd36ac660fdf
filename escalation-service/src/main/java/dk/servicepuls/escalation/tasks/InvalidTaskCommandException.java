package dk.servicepuls.escalation.tasks;

/** A claim or completion that is incomplete in itself, whatever the task's state; answered as a 400 problem. */
class InvalidTaskCommandException extends RuntimeException {

    private final String problemType;

    InvalidTaskCommandException(String problemType, String detail) {
        super(detail);
        this.problemType = problemType;
    }

    String problemType() {
        return problemType;
    }
}
