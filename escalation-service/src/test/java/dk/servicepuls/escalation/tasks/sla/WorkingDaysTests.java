package dk.servicepuls.escalation.tasks.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WorkingDaysTests {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private final WorkingDays calendar = new WorkingDays(COPENHAGEN,
            List.of(MonthDay.of(12, 24), MonthDay.of(6, 5)), List.of(LocalDate.of(2026, 11, 27)));

    @ParameterizedTest(name = "Easter Sunday {0} is {1}")
    @CsvSource({ "2023, 2023-04-09", "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28",
            "2038, 2038-04-25" })
    void easterSundayFollowsTheGregorianComputus(int year, LocalDate easter) {
        assertThat(WorkingDays.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest(name = "{0} is a public holiday")
    @CsvSource({ "2026-01-01", "2026-04-02", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-14", "2026-05-24",
            "2026-05-25", "2026-12-25", "2026-12-26", "2023-05-05" })
    void danishPublicHolidaysAreClosed(LocalDate day) {
        assertThat(WorkingDays.isPublicHoliday(day)).isTrue();
        assertThat(calendar.isWorkingDay(day)).isFalse();
    }

    @Test
    void storeBededagIsAWorkingDaySince2024() {
        // the fourth Friday after Easter: 2026-05-01
        assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2026, 5, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 1))).isTrue();
    }

    @Test
    void weekendsAreClosedAndOrdinaryWeekdaysOpen() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 22))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 23))).isTrue();
    }

    @Test
    void daysClosedByCustomCountOnlyWhenConfigured() {
        LocalDate juleaften = LocalDate.of(2026, 12, 24);
        LocalDate grundlovsdag = LocalDate.of(2026, 6, 5);
        assertThat(WorkingDays.isPublicHoliday(juleaften)).isFalse();
        assertThat(calendar.isWorkingDay(juleaften)).isFalse();
        assertThat(calendar.isWorkingDay(grundlovsdag)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 27))).as("a configured single day").isFalse();
        WorkingDays plain = new WorkingDays(COPENHAGEN, List.of(), List.of());
        assertThat(plain.isWorkingDay(juleaften)).isTrue();
        assertThat(plain.isWorkingDay(grundlovsdag)).isTrue();
    }

    @Test
    void twoWorkingDaysBeforeAThursdayIsTheTuesdayAtTheSameTime() {
        assertThat(calendar.minus(Instant.parse("2026-12-10T12:00:00Z"), 2)).isEqualTo(Instant.parse("2026-12-08T12:00:00Z"));
    }

    @Test
    void countingBackSkipsTheWeekend() {
        // Tuesday → Friday
        assertThat(calendar.minus(Instant.parse("2026-11-17T09:30:00Z"), 2)).isEqualTo(Instant.parse("2026-11-13T09:30:00Z"));
    }

    @Test
    void countingBackOverEasterSkipsFiveClosedDays() {
        // Tuesday after Easter 2026 → the Tuesday before skærtorsdag: Mon 2. påskedag, Sun, Sat, Fri, Thu are closed
        assertThat(calendar.minus(Instant.parse("2026-04-07T10:00:00Z"), 2)).isEqualTo(Instant.parse("2026-03-31T10:00:00Z"));
    }

    @Test
    void countingForwardOverChristmasSkipsTheClosedDays() {
        // Wednesday 23 December → Monday 28 December: 24 (configured), 25, 26 (holidays), 27 (Sunday) are closed
        assertThat(calendar.plus(Instant.parse("2026-12-23T08:00:00Z"), 1)).isEqualTo(Instant.parse("2026-12-28T08:00:00Z"));
    }

    @Test
    void localTimeOfDayIsKeptAcrossTheChangeToSummerTime() {
        // Monday 30 March 2026 13:00 CEST (11:00Z) → Thursday 26 March 13:00 CET (12:00Z)
        assertThat(calendar.minus(Instant.parse("2026-03-30T11:00:00Z"), 2)).isEqualTo(Instant.parse("2026-03-26T12:00:00Z"));
    }

    @Test
    void zeroWorkingDaysLeavesTheMomentAlone() {
        Instant saturday = Instant.parse("2026-11-21T10:00:00Z");
        assertThat(calendar.plus(saturday, 0)).isEqualTo(saturday);
    }

    @Test
    void negativeCountIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.plus(Instant.EPOCH, -1));
    }
}
