package dk.servicepuls.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dk.servicepuls.platform.security.Caller;
import org.junit.jupiter.api.Test;

class AuditEntryTests {

    private static final Instant AT = Instant.parse("2026-12-06T10:15:30.123456789Z");
    private static final AuditEntry.Draft DRAFT = new AuditEntry.Draft("borgerservice", "sb-1", "caseworker",
            "GET /api/v1/tasks/{taskId}", 200, "task-1", null);

    @Test
    void theFirstEntryFollowsTheGenesisAndCarriesItsOwnHash() {
        AuditEntry first = AuditEntry.next(0, AuditEntry.GENESIS, DRAFT, AT);

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(AuditEntry.GENESIS);
        assertThat(first.hash()).hasSize(64).isEqualTo(first.computeHash());
        assertThat(first.at()).as("to the store's milliseconds").isEqualTo(Instant.parse("2026-12-06T10:15:30.123Z"));
        assertThat(first.sealed()).isTrue();
    }

    @Test
    void changingAnyPartOfAnEntryOrItsLinkChangesItsHash() {
        AuditEntry entry = AuditEntry.next(6, "a".repeat(64), DRAFT, AT);
        List<AuditEntry> changed = List.of(
                new AuditEntry("teknik-miljoe", 7, entry.at(), "sb-1", "caseworker", entry.action(), 200, "task-1", null,
                        entry.previousHash(), entry.hash()),
                new AuditEntry(entry.department(), 8, entry.at(), "sb-1", "caseworker", entry.action(), 200, "task-1",
                        null, entry.previousHash(), entry.hash()),
                new AuditEntry(entry.department(), 7, entry.at().plusMillis(1), "sb-1", "caseworker", entry.action(), 200,
                        "task-1", null, entry.previousHash(), entry.hash()),
                new AuditEntry(entry.department(), 7, entry.at(), "sb-2", "caseworker", entry.action(), 200, "task-1",
                        null, entry.previousHash(), entry.hash()),
                new AuditEntry(entry.department(), 7, entry.at(), "sb-1", "manager", entry.action(), 200, "task-1", null,
                        entry.previousHash(), entry.hash()),
                new AuditEntry(entry.department(), 7, entry.at(), "sb-1", "caseworker", "POST /api/v1/tasks/{taskId}/claim",
                        200, "task-1", null, entry.previousHash(), entry.hash()),
                new AuditEntry(entry.department(), 7, entry.at(), "sb-1", "caseworker", entry.action(), 403, "task-1",
                        null, entry.previousHash(), entry.hash()),
                new AuditEntry(entry.department(), 7, entry.at(), "sb-1", "caseworker", entry.action(), 200, "task-2",
                        null, entry.previousHash(), entry.hash()),
                new AuditEntry(entry.department(), 7, entry.at(), "sb-1", "caseworker", entry.action(), 200, "task-1",
                        "SAG-1", entry.previousHash(), entry.hash()),
                new AuditEntry(entry.department(), 7, entry.at(), "sb-1", "caseworker", entry.action(), 200, "task-1",
                        null, "b".repeat(64), entry.hash()));

        assertThat(entry.sealed()).isTrue();
        assertThat(changed).allSatisfy(tampered -> assertThat(tampered.sealed()).as(tampered.toString()).isFalse());
    }

    @Test
    void theActorIsTheCaseworkerIdOrAOneWayHashOfTheSubjectNeverTheSubjectItself() {
        Caller caseworker = new Caller("anna@kommune.dk", Set.of("caseworker"), "borgerservice", "t", "sb-1");
        Caller manager = new Caller("bo@kommune.dk", Set.of("manager"), "borgerservice", null, null);

        assertThat(AuditInterceptor.actor(caseworker)).isEqualTo("sb-1");
        assertThat(AuditInterceptor.actor(manager)).startsWith("sub-").hasSize(20).doesNotContain("bo", "kommune")
                .isEqualTo(AuditInterceptor.actor(new Caller("bo@kommune.dk", Set.of("manager"), "x", null, null)));
    }
}
