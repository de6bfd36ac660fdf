package dk.servicepuls.escalation.tasks;

/** There is no task of that id (or none the caller may see, which is answered the same). */
class TaskNotFoundException extends RuntimeException {

    TaskNotFoundException(String taskId) {
        super("No task " + taskId);
    }
}
