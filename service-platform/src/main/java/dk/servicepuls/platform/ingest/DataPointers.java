package dk.servicepuls.platform.ingest;

import dk.servicepuls.platform.privacy.FreeTextMasker;

/**
 * JSON pointers into an event's data as answers and logs show them ({@code #/data/party/type}), with each field
 * name masked: a name can be a CPR number as well as a value can.
 */
final class DataPointers {

    static final String DATA = "#/data";

    private final FreeTextMasker masker;

    DataPointers(FreeTextMasker masker) {
        this.masker = masker;
    }

    /** A field name as one step of a pointer, masked and with RFC 6901's escapes. */
    String step(String name) {
        return masker.mask(name).replace("~", "~0").replace("/", "~1");
    }

    String child(String pointer, String name) {
        return pointer + "/" + step(name);
    }
}
