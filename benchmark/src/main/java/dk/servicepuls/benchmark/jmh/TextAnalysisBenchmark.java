package dk.servicepuls.benchmark.jmh;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dk.servicepuls.feedback.analysis.Language;
import dk.servicepuls.feedback.analysis.TextAnalysis;
import dk.servicepuls.feedback.analysis.TextAnalyzer;

/**
 * {@link TextAnalyzer#analyse}, texts per second on one thread (one core): the aim is at least 5,000 for a
 * 300-character comment.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(1)
public class TextAnalysisBenchmark {

    /** 300 characters of a typical unhappy Danish comment. */
    static final String DANISH_COMMENT = ("Jeg har nu ventet i over fire måneder på en afgørelse om boligstøtte, og "
            + "ingen har ringet tilbage som lovet. Sagsbehandleren var venlig, men jeg har fået forskellige svar hver "
            + "gang jeg ringer, og hjemmesiden virker ikke. Hvis ikke jeg hører noget inden fredag, vil jeg klage over "
            + "sagsbehandlingstiden til jeres chef.").substring(0, 300);

    static final String ENGLISH_COMMENT = ("I have now waited more than four months for a decision on my housing "
            + "benefit and nobody called back as promised. The caseworker was friendly, but I get a different answer "
            + "every time I call and the website does not work. If I hear nothing by Friday I will file a formal "
            + "complaint with your manager about this.").substring(0, 300);

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final String longest = (DANISH_COMMENT + " ").repeat(40).substring(0, TextAnalyzer.MAX_CHARACTERS);

    @Benchmark
    public TextAnalysis danishComment300Chars() {
        return analyzer.analyse(DANISH_COMMENT, Optional.of(Language.DA));
    }

    @Benchmark
    public TextAnalysis englishComment300Chars() {
        return analyzer.analyse(ENGLISH_COMMENT, Optional.of(Language.EN));
    }

    @Benchmark
    public TextAnalysis comment300CharsLanguageDetected() {
        return analyzer.analyse(DANISH_COMMENT, Optional.empty());
    }

    @Benchmark
    public TextAnalysis longestText10000Chars() {
        return analyzer.analyse(longest, Optional.of(Language.DA));
    }
}
