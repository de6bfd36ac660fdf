package dk.servicepuls.feedback.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analysis measured against the hand-labelled evaluation sets ({@code analysis/evaluation-set.md}): sentiment
 * macro-F1 and complaint-intent precision and recall per language. Each set was the unseen figure until the next
 * was written, and was tuned on after that: the first set's dev half, its test half, the first three holdout sets;
 * the fourth holdout set, written last by yet another writer, is the unseen figure now. The figures go to {@code target/analysis-evaluation.md} and the test's output;
 * the assertions are floors against regressions, below the aims (macro-F1 ≥ 0.85, recall ≥ 0.95 at precision ≥
 * 0.90), which the report reads the figures against.
 */
class AnalysisEvaluationTests {

    record Labelled(String id, Language language, String split, String sentiment, boolean intent, String text) {
    }

    record Outcome(Labelled labelled, TextAnalysis given, TextAnalysis detected) {
    }

    private static final List<String> SENTIMENTS = List.of("positive", "neutral", "negative");

    private static final List<String> SETS = List.of("/analysis/evaluation-set.tsv", "/analysis/evaluation-holdout.tsv",
            "/analysis/evaluation-holdout-2.tsv", "/analysis/evaluation-holdout-3.tsv",
            "/analysis/evaluation-holdout-4.tsv");

    /** The splits in the order they were written (and tuned on); the last is the one nothing was tuned on. */
    private static final List<String> SPLITS = List.of("dev", "test", "holdout", "holdout2", "holdout3", "holdout4");

    private static final String UNSEEN = SPLITS.get(SPLITS.size() - 1);

    private static List<Outcome> outcomes;

    @BeforeAll
    static void analyseTheWholeSet() throws IOException {
        TextAnalyzer analyzer = new TextAnalyzer();
        outcomes = new ArrayList<>();
        for (Labelled labelled : read()) {
            outcomes.add(new Outcome(labelled, analyzer.analyse(labelled.text(), Optional.of(labelled.language())),
                    analyzer.analyse(labelled.text(), Optional.empty())));
        }
        Path report = Path.of("target", "analysis-evaluation.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, report());
        System.out.println(report());
    }

    @Test
    void theUnseenSetHoldsAtLeastThreeHundredTextsInBothLanguagesAndEveryTextIsInAKnownSplit() {
        assertThat(outcomes).allSatisfy(o -> assertThat(SPLITS).contains(o.labelled().split()));
        assertThat(outcomes).filteredOn(o -> o.labelled().split().equals(UNSEEN)).hasSizeGreaterThanOrEqualTo(300);
        for (Language language : Language.values()) {
            assertThat(select(language, UNSEEN)).hasSizeGreaterThan(100);
        }
    }

    @Test
    void theSetHoldsAtLeastThreeHundredTextsInBothLanguages() {
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(300);
        assertThat(outcomes).filteredOn(o -> o.labelled().language() == Language.DA).hasSizeGreaterThan(100);
        assertThat(outcomes).filteredOn(o -> o.labelled().language() == Language.EN).hasSizeGreaterThan(100);
    }

    @Test
    void sentimentOfTheUnseenSetStaysAboveItsFloor() {
        for (Language language : Language.values()) {
            assertThat(macroF1(select(language, UNSEEN))).as("sentiment macro-F1, %s unseen", language).isGreaterThanOrEqualTo(0.80);
        }
    }

    @Test
    void complaintIntentOfTheUnseenSetStaysAboveItsFloor() {
        for (Language language : Language.values()) {
            List<Outcome> unseen = select(language, UNSEEN);
            assertThat(recall(unseen)).as("intent recall, %s unseen", language).isGreaterThanOrEqualTo(0.90);
            assertThat(precision(unseen)).as("intent precision, %s unseen", language).isGreaterThanOrEqualTo(0.85);
        }
    }

    @Test
    void theLanguageIsDetectedForNearlyEveryText() {
        long right = outcomes.stream().filter(o -> o.detected().language().equals(o.labelled().language().code())).count();
        assertThat((double) right / outcomes.size()).isGreaterThan(0.9);
    }

    static String report() {
        StringBuilder md = new StringBuilder("# Text analysis: evaluation\n\n");
        md.append("Hand-labelled sets in `feedback-service/src/test/resources/analysis/` (").append(outcomes.size())
                .append(" texts). The lexicon was tuned on `evaluation-set.tsv`'s dev half, then on its test half, then ")
                .append("on `evaluation-holdout.tsv`, `-2.tsv` and `-3.tsv` (holdout, holdout2, holdout3), each after its ")
                .append("unseen figures had been taken; `evaluation-holdout-4.tsv` (holdout4), written last by another ")
                .append("writer, was not tuned on and is the unseen figure. Language given, as a department's system sends ")
                .append("it.\n\n");
        md.append("| language | split | texts | sentiment macro-F1 | intent precision | intent recall | intent texts |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Language language : Language.values()) {
            List<String> rows = new ArrayList<>(SPLITS);
            rows.add("all");
            for (String split : rows) {
                List<Outcome> part = select(language, split);
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %d |%n", language.code(),
                        split, part.size(), macroF1(part), precision(part), recall(part),
                        part.stream().filter(o -> o.labelled().intent()).count()));
            }
        }
        long detected = outcomes.stream().filter(o -> o.detected().language().equals(o.labelled().language().code())).count();
        md.append(String.format(Locale.ROOT, "%nLanguage detected right (language not given): %d of %d (%.1f %%).%n",
                detected, outcomes.size(), 100.0 * detected / outcomes.size()));
        md.append("\nAims: sentiment macro-F1 ≥ 0.85; complaint-intent recall ≥ 0.95 at precision ≥ 0.90.\n");
        // the unseen set's misread texts are not listed: whoever tunes would see where it fails, and it would be
        // unseen no more; its totals are above
        return md.toString();
    }

    private static List<Outcome> select(Language language, String split) {
        Predicate<Outcome> inSplit = o -> split.equals("all") || o.labelled().split().equals(split);
        return outcomes.stream().filter(o -> o.labelled().language() == language).filter(inSplit).toList();
    }

    static double macroF1(List<Outcome> part) {
        double sum = 0;
        for (String label : SENTIMENTS) {
            long tp = part.stream().filter(o -> o.labelled().sentiment().equals(label) && o.given().sentiment().equals(label)).count();
            long fp = part.stream().filter(o -> !o.labelled().sentiment().equals(label) && o.given().sentiment().equals(label)).count();
            long fn = part.stream().filter(o -> o.labelled().sentiment().equals(label) && !o.given().sentiment().equals(label)).count();
            sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return sum / SENTIMENTS.size();
    }

    static double precision(List<Outcome> part) {
        long read = part.stream().filter(o -> o.given().complaintIntent()).count();
        long right = part.stream().filter(o -> o.given().complaintIntent() && o.labelled().intent()).count();
        return read == 0 ? 1 : (double) right / read;
    }

    static double recall(List<Outcome> part) {
        long labelled = part.stream().filter(o -> o.labelled().intent()).count();
        long found = part.stream().filter(o -> o.given().complaintIntent() && o.labelled().intent()).count();
        return labelled == 0 ? 1 : (double) found / labelled;
    }

    private static List<Labelled> read() throws IOException {
        List<Labelled> set = new ArrayList<>();
        for (String resource : SETS) {
            try (InputStream in = AnalysisEvaluationTests.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
                for (int i = 1; i < lines.length; i++) {
                    if (lines[i].isBlank()) {
                        continue;
                    }
                    String[] f = lines[i].split("\t", -1);
                    set.add(new Labelled(f[0], Language.ofCode(f[1]).orElseThrow(), f[2], f[3], f[4].equals("yes"), f[6]));
                }
            }
        }
        return set;
    }
}
