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

import dk.servicepuls.platform.privacy.FreeTextMasker;

/** {@link FreeTextMasker#mask}: every note, comment and complaint text, and the subject check of every event. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class FreeTextMaskingBenchmark {

    // synthetic numbers only: the shapes the masker looks for, belonging to nobody
    private static final String SHORT_NOTE = "Borgeren spurgte til status på ansøgningen. Oplyst at afgørelsen "
            + "forventes inden for 14 dage (sag BS-2026-0042).";
    private static final String NOTE_WITH_IDENTIFIERS = "Borgeren (010190-1234) ringede fra 29 87 16 34 og bad om svar "
            + "på mail til borger@example.dk; sagsnummer BS-2026-0042, møde 23.11.2026.";
    /** What a hostile or broken sender puts in a field: the shapes the scanners must look at again and again. */
    private static final String HOSTILE_UNITS = "a@a.0 1-2 010190 +45 2(at)b(dot) ";

    private final FreeTextMasker masker = new FreeTextMasker();
    private final String longNote = (SHORT_NOTE + " " + NOTE_WITH_IDENTIFIERS + " ").repeat(32).substring(0, 4000);
    private final String lettersOnly = "a".repeat(4000);
    private final String hostile = HOSTILE_UNITS.repeat(4000 / HOSTILE_UNITS.length() + 1).substring(0, 4000);

    @Benchmark
    public String shortNoteWithoutIdentifiers() {
        return masker.mask(SHORT_NOTE);
    }

    @Benchmark
    public String noteWithCprPhoneAndEmail() {
        return masker.mask(NOTE_WITH_IDENTIFIERS);
    }

    @Benchmark
    public String longestNote4000Chars() {
        return masker.mask(longNote);
    }

    @Benchmark
    public String fourThousandLetters() {
        return masker.mask(lettersOnly);
    }

    @Benchmark
    public String fourThousandCharsOfHostileShapes() {
        return masker.mask(hostile);
    }

    @Benchmark
    public boolean subjectCheck() {
        return masker.containsCprOrEmail("BS-2026-004711");
    }
}
