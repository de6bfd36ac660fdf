package dk.servicepuls.analytics.kpigauges;

/**
 * The gauges, named by Prometheus' conventions once Micrometer has added the base unit: a ratio ends in
 * {@code _ratio}, a duration is in seconds. Labels: {@code department} always; the rest from closed sets.
 */
enum KpiGauge {

    /** Labels {@code rule} (1–9), {@code name}, {@code proxy}: the proxy KPI's value over the window. */
    NINE_RULES_VALUE("servicepuls.nine.rules.value", null,
            "Each of the nine rules' proxy KPI over the window (its unit is the proxy's: see the README)"),
    /** Labels {@code rule}, {@code name}: 1 improving, 0 steady, −1 worsening; absent while unknown. */
    NINE_RULES_TREND("servicepuls.nine.rules.trend", null,
            "Each rule's trend, its last month with a figure against the one before: 1 improving, 0 steady, -1 worsening"),
    MATURITY_LEVEL("servicepuls.service.maturity.level", null,
            "Service maturity, 1 immature to 5 ahead: the lowest level of its indicators"),
    /** Label {@code indicator}: the KPI; the lowest holds the department back. */
    MATURITY_INDICATOR_LEVEL("servicepuls.service.maturity.indicator.level", null,
            "The level (1-5) each maturity indicator reaches; the lowest holds the department back"),
    PEAK_END_SCORE("servicepuls.feedback.peak.end.score", null,
            "Mean over cases of (peak + end) / 2 of their normalised feedback (0 worst to 1 best)"),
    MEAN_SCORE("servicepuls.feedback.mean.score", null,
            "Mean over cases of their normalised feedback (0 worst to 1 best), to set beside peak-end"),
    /** Labels {@code design}, {@code group} ({@code called}, {@code comparison}). */
    CALL_EFFECT_COMPLAINT_RATE("servicepuls.call.effect.complaint.rate", "ratio",
            "Complaints and appeals per eligible case, called against the comparison (held out, or not reached)"),
    /** Labels {@code design}, {@code bound} ({@code estimate}, {@code lower}, {@code upper}). */
    CALL_EFFECT_DIFFERENCE("servicepuls.call.effect.difference", "ratio",
            "Comparison complaint rate minus called complaint rate, with Newcombe's 95 % interval"),
    CALL_EFFECT_RELATIVE_REDUCTION("servicepuls.call.effect.relative.reduction", "ratio",
            "The difference as a share of the comparison's complaint rate"),
    /** Labels {@code design}, {@code group}. */
    CALL_EFFECT_CASES("servicepuls.call.effect.cases", null,
            "Eligible cases the effect rests on, called and comparison"),
    /** Labels {@code design}, {@code basis} ({@code gross}, {@code net} of the calls' own time). */
    CALL_EFFECT_TIME_SAVED("servicepuls.call.effect.caseworker.time.saved", "seconds",
            "Caseworker time the avoided complaints save, gross and net of the calls' own time");

    private final String meterName;
    private final String baseUnit;
    private final String description;

    KpiGauge(String meterName, String baseUnit, String description) {
        this.meterName = meterName;
        this.baseUnit = baseUnit;
        this.description = description;
    }

    String meterName() {
        return meterName;
    }

    String baseUnit() {
        return baseUnit;
    }

    String description() {
        return description;
    }
}
