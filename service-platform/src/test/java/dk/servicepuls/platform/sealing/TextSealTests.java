package dk.servicepuls.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSealTests {

    private final TextKey key = TextKey.random();

    @Test
    void aSealedTextOpensUnderItsKeyAndUnderNoOther() {
        String sealed = TextSeal.seal(key, "Borgeren var utilfreds med ventetiden på afgørelsen, æøå.");

        assertThat(TextSeal.open(key, sealed)).contains("Borgeren var utilfreds med ventetiden på afgørelsen, æøå.");
        assertThat(TextSeal.open(TextKey.random(), sealed)).isEmpty();
    }

    @Test
    void aSealedTextNamesItsKeyAndShowsNothingOfTheText() {
        String first = TextSeal.seal(key, "ventetid");
        String second = TextSeal.seal(key, "ventetid");

        assertThat(TextSeal.isSealed(first)).isTrue();
        assertThat(TextSeal.keyId(first)).contains(key.id());
        assertThat(first).startsWith("sealed:v1:" + key.id() + ":").doesNotContain("ventetid");
        assertThat(second).as("a fresh nonce each time: equal texts do not look equal").isNotEqualTo(first);
    }

    @Test
    void aChangedOrMovedSealedTextDoesNotOpen() {
        String sealed = TextSeal.seal(key, "klage over afgørelsen");
        // a character inside the body: the last one may carry bits that Base64 ignores
        int at = sealed.length() - 8;
        String changed = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        TextKey sameBytesOtherId = new TextKey(TextKey.random().id(), key.bytes());
        String moved = sealed.replace(key.id(), sameBytesOtherId.id());

        assertThat(TextSeal.open(key, changed)).isEmpty();
        assertThat(TextSeal.open(sameBytesOtherId, moved)).as("the key id is authenticated").isEmpty();
        assertThat(TextSeal.open(key, "sealed:v1:" + key.id() + ":not base64!")).isEmpty();
        assertThat(TextSeal.open(key, "sealed:v1:" + key.id() + ":AAAA")).isEmpty();
    }

    @Test
    void aPlainTextIsNotTakenForASealedOne() {
        assertThat(TextSeal.isSealed("Borgeren ringede")).isFalse();
        assertThat(TextSeal.isSealed("sealed:v1:")).isFalse();
        assertThat(TextSeal.isSealed(null)).isFalse();
        assertThat(TextSeal.keyId("sealed:v1:")).isEmpty();
        assertThat(TextSeal.open(key, "Borgeren ringede")).isEmpty();
    }

    @Test
    void aKeyNeverShowsItsBytes() {
        assertThat(key).hasToString("TextKey[" + key.id() + "]");
        assertThat(TextKey.random().id()).isNotEqualTo(key.id()).hasSize(22);
    }
}
