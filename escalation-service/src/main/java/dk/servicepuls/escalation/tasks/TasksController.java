package dk.servicepuls.escalation.tasks;

import java.util.List;

import dk.servicepuls.escalation.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/tasks?department=…}: a department's inbox; case ids are unique only within a department. Only
 * callers of that department see it.
 */
@RestController
class TasksController {

    private final TaskStore store;

    TasksController(TaskStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/tasks")
    Inbox tasks(@RequestParam String department, Caller caller) {
        caller.requireDepartment(department);
        return new Inbox(department, store.ofDepartment(department));
    }

    record Inbox(String department, List<Task> tasks) {
    }
}
