package dk.servicepuls.escalation.tasks;

import java.util.Arrays;

import dk.servicepuls.platform.security.Caller;

/** Who sees which task: {@link Caller#seesCase}, with the caseworkers the task names (assigned, claimed by). */
final class TaskVisibility {

    private TaskVisibility() {
    }

    static boolean sees(Caller caller, Task task) {
        return caller.seesCase(task.department(), task.team(), Arrays.asList(task.caseworkerId(), task.claimedBy()));
    }
}
