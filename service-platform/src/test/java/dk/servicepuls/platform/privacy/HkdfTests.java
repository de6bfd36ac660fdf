package dk.servicepuls.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5869, appendix A: the test cases for HKDF with SHA-256. */
class HkdfTests {

    @ParameterizedTest(name = "test case {0}")
    @CsvSource({
            "1, 0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b, 000102030405060708090a0b0c, f0f1f2f3f4f5f6f7f8f9, 42, "
                    + "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
            "3, 0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b, '', '', 42, "
                    + "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8" })
    void derivesTheRfcsKeys(int testCase, String inputKey, String salt, String info, int length, String expected) {
        HexFormat hex = HexFormat.of();
        assertThat(hex.formatHex(Hkdf.derive(hex.parseHex(inputKey), hex.parseHex(salt), hex.parseHex(info), length)))
                .isEqualTo(expected);
    }
}
