package dk.servicepuls.analytics.kpis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The running sums of one period, turned into figures at the end. */
final class PeriodTally {

    /** A mean (or, of 0/1 values, a share) and how many values it rests on. */
    static final class Mean {

        private double sum;
        private long n;

        void add(double value) {
            sum += value;
            n++;
        }

        void add(boolean value) {
            add(value ? 1 : 0);
        }

        Double value() {
            return n == 0 ? null : sum / n;
        }

        long n() {
            return n;
        }
    }

    /** Values kept for a quantile, and their mean. */
    static final class Values {

        private double[] values = new double[16];
        private int n;
        private double sum;

        void add(double value) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = value;
            sum += value;
        }

        Double mean() {
            return n == 0 ? null : sum / n;
        }

        /** The nearest-rank quantile: the smallest value with at least {@code q} of the values at or below it. */
        Double quantile(double q) {
            if (n == 0) {
                return null;
            }
            double[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(q * n);
            return sorted[Math.max(0, rank - 1)];
        }

        long n() {
            return n;
        }
    }

    final Mean firstContactResolution = new Mean();
    final Values waits = new Values();
    final Mean csat = new Mean();
    final Mean csatSatisfied = new Mean();
    final Mean ces = new Mean();
    final Mean cesHighEffort = new Mean();
    final Mean npsPromoterMinusDetractor = new Mean();
    final Mean negative = new Mean();
    final Mean positive = new Mean();
    final Mean complaintIntent = new Mean();
    final Values leadTimeDays = new Values();
    final Mean contactsPerCase = new Mean();
    final Mean repeatContact = new Mean();
    final Mean handOffs = new Mean();
    final Mean crossDepartmentHandOffs = new Mean();
    final Mean peakEnd = new Mean();
    final Mean meanFeedback = new Mean();
    final Mean endScore = new Mean();
    final Mean wrongInformation = new Mean();
    final Mean complaintsPer100 = new Mean();
    final Mean appealsPer100 = new Mean();
    final Mean callCoverage = new Mean();
    final Mean reach = new Mean();
    final Mean slaMet = new Mean();
    final Map<String, Long> topics = new HashMap<>();
    long contacts;
    long inboundContacts;
    long casesOpened;
    long casesClosed;
    long tasksCreated;
    long serviceComplaints;

    Map<String, Figure> figures(int min) {
        Map<Kpi, Figure> figures = new EnumMap<>(Kpi.class);
        figures.put(Kpi.CONTACTS, count(contacts, min));
        figures.put(Kpi.INBOUND_CONTACTS, count(inboundContacts, min));
        figures.put(Kpi.FIRST_CONTACT_RESOLUTION, of(firstContactResolution, min));
        figures.put(Kpi.WAIT_MEAN_SECONDS, Figure.of(waits.mean(), waits.n(), min));
        figures.put(Kpi.WAIT_P90_SECONDS, Figure.of(waits.quantile(0.9), waits.n(), min));
        figures.put(Kpi.CSAT_MEAN, of(csat, min));
        figures.put(Kpi.CSAT_SATISFIED_SHARE, of(csatSatisfied, min));
        figures.put(Kpi.CES_MEAN, of(ces, min));
        figures.put(Kpi.CES_HIGH_EFFORT_SHARE, of(cesHighEffort, min));
        Double nps = npsPromoterMinusDetractor.value();
        figures.put(Kpi.NPS, Figure.of(nps == null ? null : 100 * nps, npsPromoterMinusDetractor.n(), min));
        figures.put(Kpi.ANALYSED_TEXTS, count(negative.n(), min));
        figures.put(Kpi.NEGATIVE_SHARE, of(negative, min));
        figures.put(Kpi.POSITIVE_SHARE, of(positive, min));
        figures.put(Kpi.COMPLAINT_INTENT_SHARE, of(complaintIntent, min));
        figures.put(Kpi.CASES_OPENED, count(casesOpened, min));
        figures.put(Kpi.CASES_CLOSED, count(casesClosed, min));
        figures.put(Kpi.LEAD_TIME_MEAN_DAYS, Figure.of(leadTimeDays.mean(), leadTimeDays.n(), min));
        figures.put(Kpi.LEAD_TIME_P90_DAYS, Figure.of(leadTimeDays.quantile(0.9), leadTimeDays.n(), min));
        figures.put(Kpi.CONTACTS_PER_CASE, of(contactsPerCase, min));
        figures.put(Kpi.REPEAT_CONTACT_RATE, of(repeatContact, min));
        figures.put(Kpi.HAND_OFFS_PER_CASE, of(handOffs, min));
        figures.put(Kpi.CROSS_DEPARTMENT_HAND_OFFS_PER_CASE, of(crossDepartmentHandOffs, min));
        figures.put(Kpi.PEAK_END_SCORE, of(peakEnd, min));
        figures.put(Kpi.MEAN_FEEDBACK_SCORE, of(meanFeedback, min));
        figures.put(Kpi.UNFAVOURABLE_DECISIONS, count(complaintsPer100.n(), min));
        figures.put(Kpi.COMPLAINTS_PER_100_UNFAVOURABLE, of(complaintsPer100, min));
        figures.put(Kpi.APPEALS_PER_100_UNFAVOURABLE, of(appealsPer100, min));
        figures.put(Kpi.SERVICE_COMPLAINTS_PER_100_CASES, Figure.of(casesClosed == 0 ? null
                : 100.0 * serviceComplaints / casesClosed, casesClosed, min));
        figures.put(Kpi.WRONG_INFORMATION_SHARE, of(wrongInformation, min));
        figures.put(Kpi.END_SCORE, of(endScore, min));
        figures.put(Kpi.ELIGIBLE_CASES, count(callCoverage.n(), min));
        figures.put(Kpi.CALL_COVERAGE, of(callCoverage, min));
        figures.put(Kpi.TASKS_CREATED, count(tasksCreated, min));
        figures.put(Kpi.REACH_RATE, of(reach, min));
        figures.put(Kpi.SLA_MET, of(slaMet, min));
        Map<String, Figure> byCode = new LinkedHashMap<>();
        figures.forEach((kpi, figure) -> byCode.put(kpi.code(), figure));
        return byCode;
    }

    /** The five most frequent topics, each only where it was seen often enough to show. */
    List<KpiReport.TopicCount> topTopics(int min) {
        List<KpiReport.TopicCount> top = new ArrayList<>();
        topics.entrySet().stream()
                .filter(topic -> topic.getValue() >= min)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5)
                .forEach(topic -> top.add(new KpiReport.TopicCount(topic.getKey(), topic.getValue())));
        return top;
    }

    private static Figure of(Mean mean, int min) {
        return Figure.of(mean.value(), mean.n(), min);
    }

    /** A count of nothing is a figure too: none, not unknown. */
    private static Figure count(long count, int min) {
        return count == 0 ? new Figure(0.0, 0, false) : Figure.of((double) count, count, min);
    }
}
