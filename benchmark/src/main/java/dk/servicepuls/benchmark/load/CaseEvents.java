package dk.servicepuls.benchmark.load;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * Builds contract-valid events of the five case and contact types. Party ids look like CPR numbers (ten digits, a
 * date first) so that the pseudonymiser does its real work, but they are drawn at random and name nobody; they go
 * to the platform only, never into a log or the report.
 */
public final class CaseEvents {

    public static final String SOURCE = "/benchmark/esdh";
    private static final String[] DEPARTMENTS = {"borgerservice", "teknik-miljoe", "beskaeftigelse"};
    private static final String[] CHANNELS = {"phone", "email", "web_form", "chat", "digital_post"};
    private static final String[] NOTES = {
            "Borgeren spurgte til status på ansøgningen. Oplyst at afgørelsen forventes inden for 14 dage.",
            "Henvendelse om manglende bilag; borgeren sender dem via digital post.",
            "Borgeren ønsker at blive ringet op på 12 34 56 78 om eftermiddagen."};

    private final SplittableRandom random;

    public CaseEvents(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The case id of case {@code number} of a phase; short enough that no run of ten digits looks like a CPR number. */
    public static String caseId(String tag, long number) {
        return "BENCH-" + tag + "-" + number;
    }

    public static String department(long caseNumber) {
        return DEPARTMENTS[(int) (caseNumber % DEPARTMENTS.length)];
    }

    public GeneratedEvent caseOpened(String id, String caseId, String department) {
        String data = "{\"caseType\":\"boligstoette\",\"party\":{\"type\":\"citizen\",\"id\":\"" + cprLike()
                + "\",\"preferredLanguage\":\"da\"},\"caseworkerId\":\"cw-" + random.nextInt(1, 50)
                + "\",\"team\":\"ydelse-" + random.nextInt(1, 5) + "\"}";
        return event(id, "dk.servicepuls.case.opened.v1", caseId, department, data);
    }

    public GeneratedEvent contactRecorded(String id, String caseId, String department) {
        String data = "{\"contactId\":\"c-" + id + "\",\"channel\":\"" + CHANNELS[random.nextInt(CHANNELS.length)]
                + "\",\"direction\":\"inbound\",\"waitSeconds\":" + random.nextInt(0, 900) + ",\"handlingSeconds\":"
                + random.nextInt(30, 600) + ",\"resolvedOnFirstContact\":" + random.nextBoolean() + ",\"note\":\""
                + NOTES[random.nextInt(NOTES.length)] + "\",\"caseworkerId\":\"cw-" + random.nextInt(1, 50) + "\"}";
        return event(id, "dk.servicepuls.contact.recorded.v1", caseId, department, data);
    }

    /** An expected rejection: alone it reaches the task threshold, so every such case should get a task. */
    public GeneratedEvent rejectionPending(String id, String caseId, String department) {
        String data = "{\"expectedOutcome\":\"rejected\",\"dueAt\":\"" + Instant.now().plus(Duration.ofDays(10))
                .truncatedTo(ChronoUnit.SECONDS) + "\",\"caseworkerId\":\"cw-" + random.nextInt(1, 50) + "\"}";
        return event(id, "dk.servicepuls.decision.pending.v1", caseId, department, data);
    }

    public GeneratedEvent decisionMade(String id, String caseId, String department) {
        return event(id, "dk.servicepuls.decision.made.v1", caseId, department, "{\"outcome\":\"rejected\"}");
    }

    public GeneratedEvent caseClosed(String id, String caseId, String department) {
        return event(id, "dk.servicepuls.case.closed.v1", caseId, department, "{}");
    }

    private GeneratedEvent event(String id, String type, String caseId, String department, String data) {
        return new GeneratedEvent(id, SOURCE, type, Instant.now(), caseId, department, data);
    }

    /** Ten digits, DDMMYY then four: the shape of a CPR number, drawn at random. */
    private String cprLike() {
        return String.format("%02d%02d%02d%04d", random.nextInt(1, 29), random.nextInt(1, 13), random.nextInt(0, 100),
                random.nextInt(0, 10_000));
    }
}
