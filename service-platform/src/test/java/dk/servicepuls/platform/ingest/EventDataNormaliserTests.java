package dk.servicepuls.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import dk.servicepuls.contracts.EventType;
import dk.servicepuls.platform.privacy.FreeTextMasker;
import dk.servicepuls.platform.privacy.PartyReferences;
import dk.servicepuls.platform.privacy.PersonalFieldNames;
import dk.servicepuls.platform.privacy.PrivacyProperties;
import dk.servicepuls.platform.privacy.Pseudonymiser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventDataNormaliserTests {

    private static final String CONTACT = "\"contactId\":\"k-1\",\"channel\":\"phone\",\"direction\":\"inbound\"";

    private static final String KEY = Base64.getEncoder()
            .encodeToString("servicepuls-unit-test-key-of-32b".getBytes(StandardCharsets.US_ASCII));
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final JsonMapper json = JsonMapper.shared();
    private final FreeTextMasker masker = new FreeTextMasker();
    private final EventDataNormaliser normaliser = normaliser(null);

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

        var normalised = normaliser.normalise(EventType.CASE_OPENED, "borgerservice", data);

        assertThat(normalised.dropped()).containsExactly("#/data/party/email");
        assertThat(normalised.data().get("party").propertyNames()).containsExactlyInAnyOrder("type", "preferredLanguage", "ref");
    }

    @Test
    void theSamePartyHasUnrelatedReferencesInTwoDepartments() {
        String inBorgerservice = partyRef(normaliser, "borgerservice");
        String inTeknik = partyRef(normaliser, "teknik");

        assertThat(inBorgerservice).isNotEqualTo(inTeknik).hasSize(64);
        assertThat(partyRef(normaliser, "borgerservice")).isEqualTo(inBorgerservice);
    }

    @Test
    void whileTheChangeOverLastsThePartyAlsoCarriesItsFormerOrganisationWideReference() {
        EventDataNormaliser changingOver = normaliser(NOW.plusSeconds(1));
        EventDataNormaliser changedOver = normaliser(NOW);
        String former = Pseudonymiser.fromBase64Key(KEY, Pseudonymiser.Scope.ORGANISATION).reference("teknik", "0101901234");

        assertThat(party(changingOver, "teknik").get("formerRef").asString()).isEqualTo(former);
        assertThat(party(changingOver, "teknik").get("ref").asString()).isNotEqualTo(former);
        assertThat(party(changedOver, "teknik").has("formerRef")).as("once the moment has passed").isFalse();
    }

    private String partyRef(EventDataNormaliser normaliser, String department) {
        return party(normaliser, department).get("ref").asString();
    }

    private JsonNode party(EventDataNormaliser normaliser, String department) {
        ObjectNode data = (ObjectNode) json.readTree("{\"caseType\":\"x\",\"party\":{\"type\":\"citizen\",\"id\":\"010190-1234\"}}");
        return normaliser.normalise(EventType.CASE_OPENED, department, data).data().get("party");
    }

    private EventDataNormaliser normaliser(Instant formerRefsUntil) {
        PrivacyProperties privacy = new PrivacyProperties(KEY, null, formerRefsUntil);
        Pseudonymiser pseudonymiser = Pseudonymiser.fromBase64Key(KEY, privacy.partyRefs());
        return new EventDataNormaliser(new PartyReferences(pseudonymiser, privacy, Clock.fixed(NOW, ZoneOffset.UTC)), masker,
                new PersonalFieldNames(), new DataPointers(masker));
    }

    private EventDataNormaliser.Normalised contact(String fields) {
        ObjectNode data = (ObjectNode) json.readTree("{" + CONTACT + "," + fields + "}");
        return normaliser.normalise(EventType.CONTACT_RECORDED, "borgerservice", data);
    }
}
