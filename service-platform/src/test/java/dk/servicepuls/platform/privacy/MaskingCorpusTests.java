package dk.servicepuls.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the masker over {@code privacy/masking-corpus.tsv}: realistic Danish and English texts with what must be
 * masked in them and what must stay (case numbers, amounts, dates, times, postcodes). A new form found in the wild
 * goes into the corpus, not into a test of its own.
 */
class MaskingCorpusTests {

    private static final String CORPUS = "/privacy/masking-corpus.tsv";

    private final FreeTextMasker masker = new FreeTextMasker();

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void masksWhatIsPersonalAndLeavesTheRest(String section, String text, String expected) {
        assertThat(masker.mask(text)).as(section).isEqualTo(expected);
    }

    @Test
    void theCorpusHoldsAtLeastAHundredTextsOfEveryKind() throws IOException {
        List<Arguments> cases = corpus().toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        List<String> expected = cases.stream().map(arguments -> (String) arguments.get()[2]).toList();
        assertThat(String.join(" ", expected)).contains(FreeTextMasker.CPR_MASK, FreeTextMasker.CVR_MASK,
                FreeTextMasker.PHONE_MASK, FreeTextMasker.EMAIL_MASK);
        long unchanged = cases.stream().filter(arguments -> arguments.get()[1].equals(arguments.get()[2])).count();
        assertThat(unchanged).as("texts that must stay as they are").isGreaterThanOrEqualTo(40);
    }

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        String section = "";
        try (InputStream in = MaskingCorpusTests.class.getResourceAsStream(CORPUS)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("## ")) {
                    section = line.substring(3);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                assertThat(columns).as("a corpus line is a text, a tab and what it must become: %s", line).hasSize(2);
                String text = unescape(columns[0]);
                cases.add(Arguments.of(section, text, columns[1].equals("=") ? text : unescape(columns[1])));
            }
        }
        return cases.stream();
    }

    private static String unescape(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u') {
                plain.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            }
            else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'n') {
                plain.append('\n');
                i++;
            }
            else {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
