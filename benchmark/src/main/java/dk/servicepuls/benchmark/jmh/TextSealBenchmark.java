package dk.servicepuls.benchmark.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dk.servicepuls.platform.sealing.TextKey;
import dk.servicepuls.platform.sealing.TextSeal;

/**
 * {@link TextSeal}: every note, comment and complaint text published on the event topics is sealed at the door, and
 * opened again by feedback-service for its analysis.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TextSealBenchmark {

    private static final String NOTE = "Borgeren spurgte til status på ansøgningen om enkeltydelse til tandbehandling. "
            + "Oplyst at afgørelsen forventes inden for 14 dage.";

    private final TextKey key = TextKey.random();
    private final TextKey otherKey = TextKey.random();
    private final String sealed = TextSeal.seal(key, NOTE);
    private final String longNote = NOTE.repeat(4000 / NOTE.length() + 1).substring(0, 4000);
    private boolean alternate;

    @Benchmark
    public String sealANote() {
        return TextSeal.seal(key, NOTE);
    }

    /** Two cases in turn: the key schedule is made for each text. */
    @Benchmark
    public String sealNotesOfTwoCasesInTurn() {
        alternate = !alternate;
        return TextSeal.seal(alternate ? key : otherKey, NOTE);
    }

    @Benchmark
    public String sealTheLongestNote4000Chars() {
        return TextSeal.seal(key, longNote);
    }

    @Benchmark
    public Object openANote() {
        return TextSeal.open(key, sealed);
    }
}
