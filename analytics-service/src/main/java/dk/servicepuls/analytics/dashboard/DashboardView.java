package dk.servicepuls.analytics.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dk.servicepuls.analytics.kpis.CallEffect;
import dk.servicepuls.analytics.kpis.Figure;
import dk.servicepuls.analytics.kpis.Kpi;
import dk.servicepuls.analytics.kpis.KpiReport;
import dk.servicepuls.analytics.kpis.Maturity;
import dk.servicepuls.analytics.kpis.NineRules;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

/** Turns a KPI report into the dashboard's page, in the page's language. */
final class DashboardView {

    /** The charts, each with the KPIs it draws; the KPIs of one chart share a unit, so they share an axis. */
    private record ChartSpec(String id, String kind, Kpi... kpis) {
    }

    private static final List<ChartSpec> CHARTS = List.of(
            new ChartSpec("contacts", "bar", Kpi.CONTACTS, Kpi.INBOUND_CONTACTS),
            new ChartSpec("satisfaction", "line", Kpi.CSAT_MEAN, Kpi.CES_MEAN),
            new ChartSpec("peak-end", "line", Kpi.PEAK_END_SCORE, Kpi.MEAN_FEEDBACK_SCORE, Kpi.END_SCORE),
            new ChartSpec("waiting", "line", Kpi.WAIT_MEAN_SECONDS, Kpi.WAIT_P90_SECONDS),
            new ChartSpec("complaints", "line", Kpi.COMPLAINTS_PER_100_UNFAVOURABLE, Kpi.APPEALS_PER_100_UNFAVOURABLE,
                    Kpi.SERVICE_COMPLAINTS_PER_100_CASES),
            new ChartSpec("calls", "line", Kpi.CALL_COVERAGE, Kpi.REACH_RATE, Kpi.SLA_MET));

    private final MessageSource messages;
    private final Locale locale;
    private final DashboardNumbers numbers;

    DashboardView(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.numbers = new DashboardNumbers(locale, text("value.withheld"), text("value.none"));
    }

    DashboardPage of(KpiReport report, List<String> teams) {
        String csv = UriComponentsBuilder.fromPath(DashboardSecurity.HOME + "/kpis.csv")
                .queryParam("department", report.department())
                .queryParamIfPresent("team", java.util.Optional.ofNullable(report.team()))
                .queryParam("from", report.from()).queryParam("to", report.to())
                .queryParam("granularity", report.granularity()).encode().build().toUriString();
        return new DashboardPage(report.department(), report.team(), teams, report.from().toString(),
                report.to().toString(), report.granularity(), text("range", date(report.from()), date(report.to())),
                charts(report), kpis(report.wholeRange()), rules(report.nineRules()), maturity(report.maturity()),
                effect(report.callEffect()), topics(report.wholeRange()), csv);
    }

    private List<DashboardPage.Chart> charts(KpiReport report) {
        List<String> periods = report.periods().stream().map(period -> period(period.start(), report.granularity()))
                .toList();
        List<DashboardPage.Chart> charts = new ArrayList<>();
        for (ChartSpec spec : CHARTS) {
            List<DashboardPage.Series> series = Arrays.stream(spec.kpis()).map(kpi -> new DashboardPage.Series(
                    name(kpi), report.periods().stream().map(period -> cell(period.figure(kpi), kpi)).toList()))
                    .toList();
            charts.add(new DashboardPage.Chart(spec.id(), text("chart." + spec.id()), spec.kind(),
                    text("axis." + spec.kpis()[0].unit().name().toLowerCase(Locale.ROOT)), periods, series));
        }
        return charts;
    }

    private DashboardPage.Cell cell(Figure figure, Kpi kpi) {
        return new DashboardPage.Cell(numbers.text(figure, kpi.unit()), numbers.chartValue(figure, kpi.unit()));
    }

    private List<DashboardPage.KpiRow> kpis(KpiReport.PeriodKpis range) {
        return Arrays.stream(Kpi.values()).map(kpi -> new DashboardPage.KpiRow(kpi.code(), name(kpi),
                numbers.text(range.figure(kpi), kpi.unit()), range.figure(kpi).n())).toList();
    }

    private List<DashboardPage.RuleRow> rules(List<NineRules.Rule> rules) {
        return rules.stream().map(rule -> {
            Kpi proxy = kpi(rule.proxy());
            return new DashboardPage.RuleRow(rule.number(), text("rule." + rule.rule()), name(proxy),
                    numbers.text(new Figure(rule.value(), rule.n(), rule.suppressed()), proxy.unit()),
                    text("trend." + rule.trend()), rule.trend(), rule.n());
        }).toList();
    }

    private DashboardPage.MaturityView maturity(Maturity maturity) {
        List<DashboardPage.IndicatorRow> indicators = maturity.indicators().stream().map(indicator -> {
            Kpi kpi = kpi(indicator.kpi());
            String next = indicator.level() > indicator.thresholds().size() ? ""
                    : text(indicator.higherIsBetter() ? "maturity.at-least" : "maturity.at-most",
                            numbers.text(indicator.thresholds().get(indicator.level() - 1), kpi.unit()));
            String value = indicator.value() == null ? text("value.none") : numbers.text(indicator.value(), kpi.unit());
            return new DashboardPage.IndicatorRow(name(kpi), value, indicator.level(), next);
        }).toList();
        return new DashboardPage.MaturityView(maturity.level(), text("maturity." + maturity.name()),
                name(kpi(maturity.holdingBack())), indicators);
    }

    private DashboardPage.EffectView effect(CallEffect effect) {
        if (effect.difference() == null) {
            return new DashboardPage.EffectView(false, text("effect." + effect.design()), effect.calledCases(),
                    effect.comparisonCases(), "", "", "", "", "", "", "", "");
        }
        return new DashboardPage.EffectView(true, text("effect." + effect.design()), effect.calledCases(),
                effect.comparisonCases(), numbers.text(effect.calledRate(), Kpi.Unit.SHARE),
                numbers.text(effect.comparisonRate(), Kpi.Unit.SHARE), numbers.points(effect.difference()),
                text("effect.interval", numbers.points(effect.lower()), numbers.points(effect.upper())),
                effect.relativeReduction() == null ? text("value.none")
                        : numbers.text(effect.relativeReduction(), Kpi.Unit.SHARE),
                numbers.decimals(effect.avoidedComplaints(), 1), numbers.decimals(effect.hoursSaved(), 0),
                numbers.decimals(effect.netHoursSaved(), 0));
    }

    private List<DashboardPage.TopicRow> topics(KpiReport.PeriodKpis range) {
        return range.topTopics().stream()
                .map(topic -> new DashboardPage.TopicRow(messages.getMessage("topic." + topic.topic(), null,
                        topic.topic(), locale), topic.count()))
                .toList();
    }

    private String period(LocalDate start, String granularity) {
        return switch (granularity) {
            case "day" -> date(start);
            case "month" -> DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(start);
            default -> text("period.week", start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                    String.valueOf(start.get(IsoFields.WEEK_BASED_YEAR)));
        };
    }

    private String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    private String name(Kpi kpi) {
        return text("kpi." + kpi.code());
    }

    private static Kpi kpi(String code) {
        return Arrays.stream(Kpi.values()).filter(kpi -> kpi.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No KPI " + code));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
