package dk.servicepuls.analytics.kpis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dk.servicepuls.analytics.facts.EventFact;
import dk.servicepuls.analytics.facts.FactValues;

/**
 * The peak–end score of a case: people remember an experience by its most intense moment and by its end, not by its
 * average. Each answer is normalised to 0–100 (the mean of what it gave: CSAT 1–5, CES 1–7 turned round so that easy
 * is high, NPS 0–10); the peak is the answer furthest from the middle (50), the worse of two as far; the end is the
 * last. Score {@code (peak + end) / 2}, beside the plain mean of the answers, so that the difference shows.
 */
record PeakEnd(double peak, double end, double mean) {

    double peakEnd() {
        return (peak + end) / 2;
    }

    /** Empty for a case without a scored answer. */
    static Optional<PeakEnd> of(List<EventFact> answersInTimeOrder) {
        List<Double> scores = new ArrayList<>();
        for (EventFact answer : answersInTimeOrder) {
            normalised(answer).ifPresent(scores::add);
        }
        if (scores.isEmpty()) {
            return Optional.empty();
        }
        double peak = scores.get(0);
        double sum = 0;
        for (double score : scores) {
            sum += score;
            double distance = Math.abs(score - 50);
            double peakDistance = Math.abs(peak - 50);
            if (distance > peakDistance || distance == peakDistance && score < peak) {
                peak = score;
            }
        }
        return Optional.of(new PeakEnd(peak, scores.get(scores.size() - 1), sum / scores.size()));
    }

    static Optional<Double> normalised(EventFact answer) {
        double sum = 0;
        int n = 0;
        Double csat = answer.number(FactValues.CSAT);
        if (csat != null && csat >= 1 && csat <= 5) {
            sum += (csat - 1) / 4 * 100;
            n++;
        }
        Double ces = answer.number(FactValues.CES);
        if (ces != null && ces >= 1 && ces <= 7) {
            sum += (7 - ces) / 6 * 100;
            n++;
        }
        Double nps = answer.number(FactValues.NPS);
        if (nps != null && nps >= 0 && nps <= 10) {
            sum += nps * 10;
            n++;
        }
        return n == 0 ? Optional.empty() : Optional.of(sum / n);
    }
}
