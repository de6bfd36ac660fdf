package dk.servicepuls.escalation.tasks;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dk.servicepuls.platform.security.Caller;
import org.springframework.stereotype.Component;

/**
 * The one way to the tasks a caller may see, for the JSON API and the web inbox alike: the caller's department (with a
 * Servicepuls role), then {@link TaskVisibility} task by task, so that a task without a team shows up in the same
 * lists on both.
 */
@Component
class VisibleTasks {

    private final TaskStore store;

    VisibleTasks(TaskStore store) {
        this.store = store;
    }

    /**
     * The department's tasks that the caller may see, the most urgent first, narrowed to an assignee, a team and
     * statuses when given.
     *
     * @throws dk.servicepuls.platform.security.ForbiddenException for another department, or a caller without a role
     */
    List<Task> of(Caller caller, String department, String caseworkerId, String team, Collection<Task.Status> statuses) {
        caller.requireDepartment(department);
        return store.ofDepartment(department, caseworkerId, team, statuses).stream()
                .filter(task -> TaskVisibility.sees(caller, task)).toList();
    }

    /** The task, if it exists and the caller may see it; one the caller may not see is as good as missing. */
    Optional<Task> find(Caller caller, String taskId) {
        return store.find(taskId).filter(task -> TaskVisibility.sees(caller, task));
    }
}
