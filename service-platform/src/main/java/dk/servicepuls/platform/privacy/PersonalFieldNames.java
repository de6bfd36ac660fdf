package dk.servicepuls.platform.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells the names of fields that carry personal data ({@code citizenName}, {@code borger_navn}, {@code tlfNr},
 * {@code e-mail}, {@code cprNummer}, {@code adresselinje1}), in Danish and English. The platform keeps fields the
 * contract does not know, for forward compatibility, but not these: a name or an address in a value cannot be
 * found by masking, only by the field it is in. A name is split into its words (camelCase, snake_case, kebab-case,
 * dots, spaces) and each word is held against the list; Danish writes compounds as one word ({@code borgernavn},
 * {@code telefonnummer}), so a word that begins or ends with one of the stems counts too. The rule leans towards
 * dropping: {@code filename} goes as well, since file names are often a person's name.
 */
public final class PersonalFieldNames {

    private static final Set<String> WORDS = Set.of("name", "names", "navn", "navne", "fullname", "firstname", "lastname",
            "surname", "givenname", "familyname", "fornavn", "efternavn", "mellemnavn", "address", "addresses",
            "adresse", "adresser", "street", "gade", "vej", "postaddress", "email", "mail", "phone", "telephone", "tel",
            "tlf", "telefon", "mobile", "mobil", "cell", "cellphone", "fax", "cpr", "cvr", "ssn", "personnummer",
            "personnr", "birthdate", "birthday", "dob", "fødselsdato", "foedselsdato", "fodselsdato", "passport",
            "signature", "underskrift");

    private static final List<String> STEMS = List.of("name", "navn", "adresse", "address", "telefon", "phone", "mobil",
            "mail", "tlf", "cpr", "cvr", "personnummer", "fødselsdato", "birth");

    public boolean saysPersonal(String fieldName) {
        if (fieldName == null || fieldName.isEmpty()) {
            return false;
        }
        for (String word : words(fieldName)) {
            if (WORDS.contains(word)) {
                return true;
            }
            for (String stem : STEMS) {
                if (word.startsWith(stem) || word.endsWith(stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Lower-case words: split at anything not a letter or digit, and where a lower-case letter meets a capital. */
    private static List<String> words(String name) {
        List<String> words = new ArrayList<>(4);
        StringBuilder word = new StringBuilder();
        char previous = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = !Character.isLetterOrDigit(c) || Character.isUpperCase(c) && Character.isLowerCase(previous);
            if (boundary && !word.isEmpty()) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            }
            previous = c;
        }
        if (!word.isEmpty()) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
