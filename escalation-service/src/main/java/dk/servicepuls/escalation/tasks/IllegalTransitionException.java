package dk.servicepuls.escalation.tasks;

/** The task's state does not allow what was asked; answered as a 409 problem with this message as detail. */
class IllegalTransitionException extends RuntimeException {

    IllegalTransitionException(String detail) {
        super(detail);
    }
}
