package dk.servicepuls.escalation.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.contracts.events.RiskLevel;
import dk.servicepuls.contracts.events.TaskCancelled;
import dk.servicepuls.contracts.events.TaskClaimed;
import dk.servicepuls.contracts.events.TaskCompleted;
import dk.servicepuls.contracts.events.TaskCompleted.Outcome;
import dk.servicepuls.contracts.events.TaskCreated;
import dk.servicepuls.contracts.events.TaskEscalated;
import dk.servicepuls.contracts.events.TaskEscalated.EscalatedTo;
import dk.servicepuls.contracts.events.TaskExpired;
import dk.servicepuls.escalation.tasks.Task.Status;
import dk.servicepuls.escalation.tasks.TaskTransitions.Change;
import org.junit.jupiter.api.Test;

class TaskTransitionsTests {

    private static final Instant CREATED = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant DUE = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant DEPARTMENT_HEAD = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static Task open() {
        return new Task("t-1", "dept", "SAG-1", TaskCreated.Trigger.DECISION_PENDING, CREATED)
                .schedule(DUE, Instant.parse("2026-11-27T12:00:00Z"), DEPARTMENT_HEAD)
                .risk(80, RiskLevel.HIGH, List.of("rejection_expected"))
                .assign("cw-1", "team-a")
                .record(CREATED, "created", Status.OPEN, "/esdh", "rejection_expected");
    }

    private static Task claimedBy(String caseworkerId) {
        return TaskTransitions.claim(open(), caseworkerId, NOW).after();
    }

    @Test
    void claimingAnOpenTaskAssignsItAndAnnouncesTaskClaimed() {
        Task before = open();
        Change change = TaskTransitions.claim(before, "cw-2", NOW);

        assertThat(change.after().status()).isEqualTo(Status.CLAIMED);
        assertThat(change.after().claimedBy()).isEqualTo("cw-2");
        assertThat(change.after().caseworkerId()).isEqualTo("cw-2");
        assertThat(change.after().claimedAt()).isEqualTo(NOW);
        assertThat(change.announcement().type()).isEqualTo(EventType.TASK_CLAIMED);
        assertThat(change.announcement().data()).isEqualTo(new TaskClaimed("t-1", "cw-2"));
        assertThat(change.after().history()).last().satisfies(step -> {
            assertThat(step.event()).isEqualTo("claimed");
            assertThat(step.from()).isEqualTo(Status.OPEN);
            assertThat(step.to()).isEqualTo(Status.CLAIMED);
            assertThat(step.actor()).isEqualTo("cw-2");
        });
        assertThat(before.status()).as("the task read stays as it was").isEqualTo(Status.OPEN);
    }

    @Test
    void creationIsTheFirstEntryInTheHistory() {
        assertThat(open().history()).singleElement().satisfies(step -> {
            assertThat(step.from()).isNull();
            assertThat(step.to()).isEqualTo(Status.OPEN);
            assertThat(step.detail()).isEqualTo("rejection_expected");
        });
    }

    @Test
    void secondCaseworkerCannotClaimAClaimedTask() {
        assertThatThrownBy(() -> TaskTransitions.claim(claimedBy("cw-1"), "cw-2", NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("already claimed");
    }

    @Test
    void sameCaseworkerClaimingAgainChangesNothing() {
        assertThat(TaskTransitions.claim(claimedBy("cw-1"), "cw-1", NOW)).isNull();
    }

    @Test
    void completingAClaimedTaskStopsTheClockAndAnnouncesTheOutcomeAndNote() {
        Change change = TaskTransitions.complete(claimedBy("cw-1"), "cw-1", Outcome.REACHED_RESOLVED, "Explained", NOW);

        Task after = change.after();
        assertThat(after.status()).isEqualTo(Status.COMPLETED);
        assertThat(after.outcome()).isEqualTo(Outcome.REACHED_RESOLVED);
        assertThat(after.note()).isEqualTo("Explained");
        assertThat(after.closedAt()).isEqualTo(NOW);
        assertThat(after.nextEscalationAt()).isNull();
        assertThat(change.announcement().data())
                .isEqualTo(new TaskCompleted("t-1", Outcome.REACHED_RESOLVED, "Explained", "cw-1"));
    }

    @Test
    void unclaimedTaskCannotBeCompleted() {
        assertThatThrownBy(() -> TaskTransitions.complete(open(), "cw-1", Outcome.DECLINED, "No", NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("claimed before");
    }

    @Test
    void onlyTheClaimantCanComplete() {
        assertThatThrownBy(() -> TaskTransitions.complete(claimedBy("cw-1"), "cw-2", Outcome.DECLINED, "No", NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("another caseworker");
    }

    @Test
    void closedTasksCannotBeClaimedOrCompletedAgain() {
        Task completed = TaskTransitions.complete(claimedBy("cw-1"), "cw-1", Outcome.NOT_REACHED, "Voicemail", NOW).after();
        Task expired = TaskTransitions.expire(open(), "decision_made", "/esdh", NOW).after();

        assertThatThrownBy(() -> TaskTransitions.claim(completed, "cw-2", NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("completed");
        assertThatThrownBy(() -> TaskTransitions.complete(completed, "cw-1", Outcome.NOT_REACHED, "Again", NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> TaskTransitions.claim(expired, "cw-1", NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("expired");
    }

    @Test
    void notOverdueTaskIsNotEscalated() {
        assertThat(TaskTransitions.escalate(open(), DUE.minusSeconds(1))).isNull();
    }

    @Test
    void overdueTaskClimbsToTheTeamLeadThenTheDepartmentHead() {
        Change first = TaskTransitions.escalate(open(), DUE);
        assertThat(first.after().status()).isEqualTo(Status.ESCALATED);
        assertThat(first.after().escalatedTo()).isEqualTo(EscalatedTo.TEAM_LEAD);
        assertThat(first.after().nextEscalationAt()).isEqualTo(DEPARTMENT_HEAD);
        assertThat(first.announcement().data())
                .isEqualTo(new TaskEscalated("t-1", EscalatedTo.TEAM_LEAD, "not_claimed_in_time"));

        assertThat(TaskTransitions.escalate(first.after(), DEPARTMENT_HEAD.minusSeconds(1))).isNull();
        Change second = TaskTransitions.escalate(first.after(), DEPARTMENT_HEAD);
        assertThat(second.after().escalatedTo()).isEqualTo(EscalatedTo.DEPARTMENT_HEAD);
        assertThat(second.after().nextEscalationAt()).as("the top rung").isNull();
        assertThat(second.announcement().eventId()).isNotEqualTo(first.announcement().eventId());
        assertThat(TaskTransitions.escalate(second.after(), DEPARTMENT_HEAD.plusSeconds(86_400))).isNull();
    }

    @Test
    void claimedButUncompletedTaskEscalatesAsNotCompletedInTime() {
        Change change = TaskTransitions.escalate(claimedBy("cw-1"), DUE);
        assertThat(((TaskEscalated) change.announcement().data()).reason()).isEqualTo("not_completed_in_time");
    }

    @Test
    void escalatedTaskCanStillBeClaimedAndCompleted() {
        Task escalated = TaskTransitions.escalate(open(), DUE).after();
        Task claimed = TaskTransitions.claim(escalated, "cw-1", DUE).after();
        assertThat(claimed.status()).as("still late, the team lead keeps seeing it").isEqualTo(Status.ESCALATED);

        Task completed = TaskTransitions.complete(claimed, "cw-1", Outcome.REACHED_COMPLAINT_EXPECTED, "Late", DUE).after();
        assertThat(completed.status()).isEqualTo(Status.COMPLETED);
    }

    @Test
    void decisionMadeExpiresAWaitingTaskOnce() {
        Change change = TaskTransitions.expire(claimedBy("cw-1"), "decision_made", "/esdh", NOW);
        assertThat(change.after().status()).isEqualTo(Status.EXPIRED);
        assertThat(change.after().nextEscalationAt()).isNull();
        assertThat(change.announcement().data()).isEqualTo(new TaskExpired("t-1", "decision_made"));

        assertThat(TaskTransitions.expire(change.after(), "decision_made", "/esdh", NOW)).isNull();
    }

    @Test
    void caseClosedCancelsAndAnnouncesTaskCancelled() {
        Change change = TaskTransitions.cancel(open(), "case_closed", "/esdh", NOW);
        assertThat(change.after().status()).isEqualTo(Status.CANCELLED);
        assertThat(change.after().closedAt()).isEqualTo(NOW);
        assertThat(change.announcement().type()).isEqualTo(EventType.TASK_CANCELLED);
        assertThat(change.announcement().data()).isEqualTo(new TaskCancelled("t-1", "case_closed"));
        assertThat(change.after().history()).last().satisfies(step -> assertThat(step.detail()).isEqualTo("case_closed"));
        assertThat(TaskTransitions.cancel(change.after(), "case_closed", "/esdh", NOW)).isNull();
    }

    @Test
    void handOffWithinTheDepartmentKeepsTheClaimAndTheHistory() {
        Task claimed = claimedBy("cw-1");
        Change change = TaskTransitions.transfer(claimed, "team-b", null, "cw-9", "/esdh", NOW);

        assertThat(change.after().team()).isEqualTo("team-b");
        assertThat(change.after().department()).isEqualTo("dept");
        assertThat(change.after().status()).isEqualTo(Status.CLAIMED);
        assertThat(change.after().caseworkerId()).as("the claimant makes the call").isEqualTo("cw-1");
        assertThat(change.after().history()).hasSize(claimed.history().size() + 1);
        assertThat(change.after().dueAt()).isEqualTo(DUE);
        assertThat(change.announcement()).isNull();
    }

    @Test
    void handOffToAnotherDepartmentReleasesTheClaimToTheTeamQueue() {
        Change change = TaskTransitions.transfer(claimedBy("cw-1"), "team-x", "other-dept", null, "/esdh", NOW);

        assertThat(change.after().department()).isEqualTo("other-dept");
        assertThat(change.after().status()).isEqualTo(Status.OPEN);
        assertThat(change.after().claimedBy()).isNull();
        assertThat(change.after().caseworkerId()).isNull();
        assertThat(change.after().history()).last().satisfies(step -> assertThat(step.detail())
                .isEqualTo("team team-x, department other-dept"));
    }
}
