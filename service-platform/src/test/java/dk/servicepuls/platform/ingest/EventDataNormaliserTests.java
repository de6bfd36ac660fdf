package dk.servicepuls.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.privacy.FreeTextMasker;
import dk.servicepuls.platform.privacy.PersonalFieldNames;
import dk.servicepuls.platform.privacy.Pseudonymiser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventDataNormaliserTests {

    private static final String CONTACT = "\"contactId\":\"k-1\",\"channel\":\"phone\",\"direction\":\"inbound\"";

    private final JsonMapper json = JsonMapper.shared();
    private final FreeTextMasker masker = new FreeTextMasker();
    private final EventDataNormaliser normaliser = new EventDataNormaliser(Pseudonymiser.fromBase64Key(
            Base64.getEncoder().encodeToString("servicepuls-unit-test-key-of-32b".getBytes(StandardCharsets.US_ASCII))),
            masker, new PersonalFieldNames(), new DataPointers(masker));

    @Test
    void unknownFieldsNamedForPersonalDataAreDroppedAndListed() {
        var normalised = contact("""
                "citizenName":"Jens Hansen","tlf":29871634,"callbackHint":"efter kl. 15",
                "contact":{"borgerNavn":"Jens Hansen","adresselinje1":"Vestergade 12","preferred":"morning"},
                "relatives":[{"navn":"Karen Hansen","role":"ægtefælle"}]""");

        assertThat(normalised.dropped()).containsExactly("#/data/citizenName", "#/data/tlf", "#/data/contact/borgerNavn",
                "#/data/contact/adresselinje1", "#/data/relatives/0/navn");
        assertThat(json.writeValueAsString(normalised.data())).doesNotContain("Jens", "Karen", "Vestergade", "29871634")
                .contains("\"callbackHint\":\"efter kl. 15\"", "\"preferred\":\"morning\"", "\"role\":\"ægtefælle\"");
    }

    @Test
    void keysAndIntegersWithPersonalShapesAreMaskedInWhatTheContractDoesNotKnow() {
        var normalised = contact("""
                "extra":{"2101901234":{"visits":3},"0202921234":"anden","kontakt":29871634,"gammelt":101901234,"antal":42}""");

        ObjectNode extra = (ObjectNode) normalised.data().get("extra");
        assertThat(extra.propertyNames()).containsExactly("[CPR]", "[CPR]#2", "kontakt", "gammelt", "antal");
        assertThat(extra.get("[CPR]").get("visits").asInt()).isEqualTo(3);
        assertThat(extra.get("kontakt").asString()).isEqualTo("[PHONE]");
        assertThat(extra.get("gammelt").asString()).as("a CPR number whose leading zero JSON lost").isEqualTo("[CPR]");
        assertThat(extra.get("antal").asInt()).isEqualTo(42);
        assertThat(normalised.dropped()).isEmpty();
    }

    @Test
    void aDroppedFieldWithAPersonalNameIsListedMasked() {
        var normalised = contact("\"x\":{\"0101901234\":{\"navn\":\"Jens\"}}");

        assertThat(normalised.dropped()).containsExactly("#/data/x/[CPR]/navn");
    }

    @Test
    void theContractsFreeTextIsMaskedAndItsIdentifiersAreKeptAsSent() {
        var normalised = contact("\"note\":\"ring 2987 16 34 eller skriv til jens @ example.dk\",\"caseworkerId\":\"cw-29871634\"");

        assertThat(normalised.data().get("note").asString()).isEqualTo("ring [PHONE] eller skriv til [EMAIL]");
        assertThat(normalised.data().get("caseworkerId").asString()).isEqualTo("cw-29871634");
        assertThat(normalised.data().get("contactId").asString()).isEqualTo("k-1");
    }

    @Test
    void partyFieldsTheContractDoesNotNameAreListedButItsNameAndPhoneAreDroppedQuietly() {
        ObjectNode data = (ObjectNode) json.readTree("""
                {"caseType":"boligstoette","party":{"type":"citizen","id":"010190-1234","name":"Jens","phone":"29871634",
                 "email":"jens@example.dk","preferredLanguage":"da"}}""");

        var normalised = normaliser.normalise(EventType.CASE_OPENED, data);

        assertThat(normalised.dropped()).containsExactly("#/data/party/email");
        assertThat(normalised.data().get("party").propertyNames()).containsExactlyInAnyOrder("type", "preferredLanguage", "ref");
    }

    private EventDataNormaliser.Normalised contact(String fields) {
        ObjectNode data = (ObjectNode) json.readTree("{" + CONTACT + "," + fields + "}");
        return normaliser.normalise(EventType.CONTACT_RECORDED, data);
    }
}
