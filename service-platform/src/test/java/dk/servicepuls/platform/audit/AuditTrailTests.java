package dk.servicepuls.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import dk.servicepuls.testing.FreshStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuditTrailTests {

    @RegisterExtension
    final FreshStore store = new FreshStore("audit");

    @Test
    void twoInstancesWritingToOneStoreKeepOneUnbrokenChainPerDepartment() {
        AuditTrail one = new AuditTrail(store.mongo(), Clock.systemUTC());
        AuditTrail other = new AuditTrail(store.mongo(), Clock.systemUTC());

        for (int i = 0; i < 6; i++) {
            (i % 2 == 0 ? one : other).append(draft("borgerservice", "task-" + i));
            one.append(draft("teknik-miljoe", "task-" + i));
        }

        AuditTrail.Verification borgerservice = other.verify("borgerservice");
        assertThat(borgerservice.intact()).isTrue();
        assertThat(borgerservice.entries()).isEqualTo(6);
        assertThat(one.verify("teknik-miljoe").entries()).isEqualTo(6);
        List<AuditEntry> page = one.page("borgerservice", null, 10);
        assertThat(page).extracting(AuditEntry::taskId)
                .containsExactly("task-5", "task-4", "task-3", "task-2", "task-1", "task-0");
    }

    private static AuditEntry.Draft draft(String department, String taskId) {
        return new AuditEntry.Draft(department, "sb-1", "caseworker", "GET /api/v1/tasks/{taskId}", 200, taskId, null);
    }
}
