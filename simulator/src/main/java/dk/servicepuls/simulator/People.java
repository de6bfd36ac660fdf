package dk.servicepuls.simulator;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Synthetic parties. CPR numbers are written as <em>erstatningspersonnumre</em> (the day of birth plus 60), the form
 * Danish authorities use for people without a CPR number: ten digits in the CPR layout, so the platform's masking and
 * pseudonymisation see a CPR number, yet none belongs to a person in the CPR register. Businesses get a visibly
 * synthetic local id rather than a CVR number, which could be a real company's.
 */
final class People {

    private static final List<String> FIRST_NAMES = List.of("Karen", "Mette", "Hanne", "Anne", "Lone", "Camilla",
            "Sofie", "Ida", "Freja", "Aisha", "Peter", "Jens", "Lars", "Henrik", "Søren", "Mads", "Frederik", "Mikkel",
            "Ahmad", "Oliver", "Noah", "William", "Emma", "Ella", "Niels", "Birgit", "Jørgen", "Yasmin", "Tobias", "Astrid");
    private static final List<String> LAST_NAMES = List.of("Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen",
            "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen",
            "Thomsen", "Poulsen", "Johansen", "Møller", "Mortensen", "Hassan", "Ali", "Østergaard", "Lund", "Holm");
    private static final List<String> BUSINESS_NAMES = List.of("Byg & Anlæg ApS", "Nordvest Kloak A/S",
            "Tømrerfirmaet Egholm", "Grøn Affald ApS", "Vejservice Midt A/S", "Arkitektgruppen K/S", "Murer Thygesen ApS");

    private People() {
    }

    static Party citizen(RandomGenerator random) {
        String name = Draw.one(random, FIRST_NAMES) + " " + Draw.one(random, LAST_NAMES);
        String language = Draw.chance(random, 0.85) ? "da" : "en";
        return new Party(substituteCpr(random), name, false, language, random.nextGaussian());
    }

    static Party business(RandomGenerator random) {
        return new Party(String.format("sim-virksomhed-%05d", random.nextInt(100_000)), Draw.one(random, BUSINESS_NAMES),
                true, "da", random.nextGaussian());
    }

    /** DDMMYY-SSSS without the hyphen, DD being the day of birth plus 60. */
    static String substituteCpr(RandomGenerator random) {
        int year = 1940 + random.nextInt(66);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        return String.format("%02d%02d%02d%04d", day + 60, month, year % 100, random.nextInt(10_000));
    }
}
