package dk.servicepuls.escalation.tasks;

import java.util.Objects;

import dk.servicepuls.platform.security.Caller;

/**
 * Who sees which task. A manager sees the department's tasks; a team lead the team's; a caseworker their own and
 * their team's. A task that has no team yet stays visible to the whole department, so that no call is orphaned.
 * Nobody sees another department's tasks.
 */
final class TaskVisibility {

    private TaskVisibility() {
    }

    static boolean sees(Caller caller, Task task) {
        if (!caller.belongsTo(task.department())) {
            return false;
        }
        if (caller.hasRole(Caller.MANAGER) || task.team() == null) {
            return true;
        }
        boolean sameTeam = caller.team() != null && caller.team().equals(task.team());
        if (caller.hasRole(Caller.TEAM_LEAD)) {
            return sameTeam || caller.team() == null;
        }
        if (caller.hasRole(Caller.CASEWORKER)) {
            String me = caller.caseworkerId();
            return sameTeam || me != null && (me.equals(task.caseworkerId()) || Objects.equals(me, task.claimedBy()));
        }
        return false;
    }
}
