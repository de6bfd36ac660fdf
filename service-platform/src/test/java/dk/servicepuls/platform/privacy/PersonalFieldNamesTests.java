package dk.servicepuls.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalFieldNamesTests {

    private final PersonalFieldNames names = new PersonalFieldNames();

    @ParameterizedTest
    @ValueSource(strings = { "name", "citizenName", "citizen_name", "FULL-NAME", "navn", "borgernavn", "Efternavn", "fornavn",
            "adresse", "adresselinje1", "homeAddress", "street", "vej", "telefon", "telefonnummer", "tlf", "tlfNr", "phone",
            "phoneNumber", "mobil", "mobilnummer", "e-mail", "E_MAIL", "email", "mailAdresse", "cpr", "cprNummer", "CPRNummer",
            "cpr_nr", "personnummer", "cvr", "cvrNummer", "ssn", "birthDate", "dateOfBirth", "fødselsdato", "filename" })
    void namesThatSayPersonalData(String field) {
        assertThat(names.saysPersonal(field)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "callbackHint", "sagsemne", "vejledning", "department", "channel", "comment", "topic", "priority",
            "handlingSeconds", "resolvedOnFirstContact", "caseCategory", "hotel", "cellar", "gadget", "portalVersion", "" })
    void namesThatDoNot(String field) {
        assertThat(names.saysPersonal(field)).isFalse();
    }
}
