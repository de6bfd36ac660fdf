package dk.servicepuls.escalation.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import dk.servicepuls.contracts.events.TaskCreated;
import dk.servicepuls.platform.security.Caller;
import org.junit.jupiter.api.Test;

class TaskVisibilityTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final Task aliceInTeamA = task("borgerservice", "cw-alice", "team-a");
    private final Task queueOfTeamB = task("borgerservice", null, "team-b");
    private final Task withoutTeam = task("borgerservice", null, null);
    private final Task otherDepartment = task("byggeri", "cw-alice", "team-a");

    @Test
    void caseworkerSeesOwnAndTeamTasksButNotAnotherTeamsQueue() {
        Caller alice = caseworker("cw-alice", "team-a");
        Caller bob = caseworker("cw-bob", "team-a");
        Caller carol = caseworker("cw-carol", "team-b");

        assertThat(TaskVisibility.sees(alice, aliceInTeamA)).isTrue();
        assertThat(TaskVisibility.sees(bob, aliceInTeamA)).as("a colleague in the team").isTrue();
        assertThat(TaskVisibility.sees(carol, aliceInTeamA)).isFalse();
        assertThat(TaskVisibility.sees(alice, queueOfTeamB)).isFalse();
        assertThat(TaskVisibility.sees(carol, queueOfTeamB)).isTrue();
    }

    @Test
    void caseworkerSeesTheirOwnTaskInAnotherTeam() {
        assertThat(TaskVisibility.sees(caseworker("cw-alice", "team-z"), aliceInTeamA)).isTrue();
    }

    @Test
    void teamLeadSeesTheTeamAndManagerTheDepartment() {
        Caller lead = new Caller("lead", Set.of(Caller.TEAM_LEAD), "borgerservice", "team-b", null);
        Caller manager = new Caller("boss", Set.of(Caller.MANAGER), "borgerservice", null, null);

        assertThat(TaskVisibility.sees(lead, queueOfTeamB)).isTrue();
        assertThat(TaskVisibility.sees(lead, aliceInTeamA)).isFalse();
        assertThat(TaskVisibility.sees(manager, aliceInTeamA)).isTrue();
        assertThat(TaskVisibility.sees(manager, queueOfTeamB)).isTrue();
    }

    @Test
    void taskWithoutATeamIsVisibleToTheWholeDepartment() {
        assertThat(TaskVisibility.sees(caseworker("cw-carol", "team-b"), withoutTeam)).isTrue();
        assertThat(TaskVisibility.sees(new Caller("lead", Set.of(Caller.TEAM_LEAD), "borgerservice", "team-a", null),
                withoutTeam)).isTrue();
    }

    @Test
    void nobodySeesAnotherDepartmentsTasks() {
        assertThat(TaskVisibility.sees(caseworker("cw-alice", "team-a"), otherDepartment)).isFalse();
        assertThat(TaskVisibility.sees(new Caller("boss", Set.of(Caller.MANAGER), "borgerservice", null, null),
                otherDepartment)).isFalse();
    }

    @Test
    void callerWithoutARoleSeesNothingNotEvenATaskWithoutATeam() {
        Caller nobody = new Caller("x", Set.of(), "borgerservice", "team-a", null);

        assertThat(TaskVisibility.sees(nobody, aliceInTeamA)).isFalse();
        assertThat(TaskVisibility.sees(nobody, task("borgerservice", null, null))).isFalse();
    }

    private static Caller caseworker(String id, String team) {
        return new Caller(id, Set.of(Caller.CASEWORKER), "borgerservice", team, id);
    }

    private static Task task(String department, String caseworkerId, String team) {
        return new Task("t-" + department + caseworkerId + team, department, "SAG-1", TaskCreated.Trigger.DECISION_PENDING, NOW)
                .assign(caseworkerId, team);
    }
}
