package dk.servicepuls.escalation.inbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Times as the caseworker reads them: Danish time, in the page's language. Public for the templates' expressions. */
public final class InboxFormat {

    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private final DateTimeFormatter dateTime;

    InboxFormat(Locale locale) {
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(DANISH_TIME);
    }

    public String time(Instant at) {
        return at == null ? "" : dateTime.format(at);
    }

    /** For the {@code datetime} attribute of {@code <time>}. */
    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** A contribution without a needless ".0". */
    public String points(double contribution) {
        return contribution == Math.rint(contribution) ? Long.toString((long) contribution) : Double.toString(contribution);
    }
}
