package dk.servicepuls.embeddedstore;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.exception.MongoServerError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScanGuardTests {

    private final AtomicLong now = new AtomicLong();

    private final ScanGuard guard = new ScanGuard(Duration.ofMinutes(1), this.now::get);

    @Test
    void keepsOneEntryPerCollectionAndShapeWithItsLargestCollectionAndCount() {
        this.guard.beforeScan("db", "cases", "{status: ?}", 10);
        this.guard.beforeScan("db", "cases", "{status: ?}", 30);
        this.guard.beforeScan("db", "cases", "{status: ?}", 20);
        this.guard.beforeScan("other", "cases", "{}", 5);

        assertThat(this.guard.scans()).containsExactly(new CollectionScan("db", "cases", "{status: ?}", 30, 3),
                new CollectionScan("other", "cases", "{}", 5, 1));
        assertThat(this.guard.scansIn("other")).extracting(CollectionScan::shape).containsExactly("{}");
        assertThat(this.guard.scansOfMoreThan(10)).hasSize(1);

        this.guard.reset();
        assertThat(this.guard.scans()).isEmpty();
    }

    @Test
    void warnsAboutACollectionAndShapeAtMostOncePerInterval() {
        assertThat(this.guard.warnIfDue("db", "cases", "{status: ?}")).isTrue();
        assertThat(this.guard.warnIfDue("db", "cases", "{status: ?}")).isFalse();
        assertThat(this.guard.warnIfDue("db", "cases", "{number: ?}")).isTrue();

        this.now.addAndGet(Duration.ofMinutes(1).toNanos());

        assertThat(this.guard.warnIfDue("db", "cases", "{status: ?}")).isTrue();
    }

    @Test
    void aRecordingGuardNeverWarns() {
        ScanGuard recording = ScanGuard.recording();

        assertThat(recording.warnIfDue("db", "cases", "{status: ?}")).isFalse();
    }

    @Test
    void failAboveRefusesOnlyLargerCollectionsAndStillRecordsTheRefusal() {
        this.guard.policy(ScanPolicy.failAbove(100));

        this.guard.beforeScan("db", "cases", "{status: ?}", 100);
        assertThatExceptionOfType(MongoServerError.class)
                .isThrownBy(() -> this.guard.beforeScan("db", "cases", "{status: ?}", 101))
                .satisfies(ex -> assertThat(ex.getCode()).isEqualTo(291))
                .withMessageContaining("failAbove(100)");
        assertThat(this.guard.scans()).containsExactly(new CollectionScan("db", "cases", "{status: ?}", 101, 2));
    }

}
