package dk.servicepuls.escalation.inbox;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.servicepuls.escalation.tasks.TaskInbox;

/**
 * The team lead's view of who carries what: per assignee, tasks still waiting for a first move and tasks someone has
 * taken. Public for the templates' expressions.
 *
 * @param caseworkerId {@code null} for the team's queue (nobody assigned)
 */
public record Workload(String caseworkerId, int open, int claimed) {

    static List<Workload> of(List<TaskInbox.Entry> activeTasks) {
        Map<String, int[]> counts = new TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        for (TaskInbox.Entry task : activeTasks) {
            int[] count = counts.computeIfAbsent(task.caseworkerId(), id -> new int[2]);
            count[task.claimedBy() == null ? 0 : 1]++;
        }
        return counts.entrySet().stream().map(entry -> new Workload(entry.getKey(), entry.getValue()[0],
                entry.getValue()[1])).toList();
    }
}
