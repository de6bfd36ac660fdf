package dk.servicepuls.feedback.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class TextAnalyzerTests {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();

    private static TextAnalysis read(String text) {
        return ANALYZER.analyse(text, Optional.empty());
    }

    @Test
    void theLanguageIsTakenFromTheWordsWhereNoneIsGivenAndDanishWhereTheyDoNotTell() {
        assertThat(read("Jeg har ventet meget længe på svar fra kommunen").language()).isEqualTo("da");
        assertThat(read("I have been waiting for weeks and still no answer").language()).isEqualTo("en");
        assertThat(read("Elendigt!!").language()).isEqualTo("da");
        assertThat(ANALYZER.analyse("ok", Optional.of(Language.EN)).language()).isEqualTo("en");
    }

    @Test
    void inflectionsAndMisspellingsOfASentimentWordCountAsTheWord() {
        assertThat(read("Sagsbehandleren var meget hjælpsom").sentiment()).isEqualTo("positive");
        assertThat(read("hjælpsomme medarbejdere").sentiment()).isEqualTo("positive");
        assertThat(read("det var daarligt og jeg er utilfres").sentiment()).isEqualTo("negative");
        assertThat(read("The staff were really helpfull").sentiment()).isEqualTo("positive");
    }

    @Test
    void aNegatorTurnsTheWordsAfterItAndAnIntensifierStrengthensThem() {
        assertThat(read("Ikke særlig hjælpsom").sentiment()).isEqualTo("negative");
        assertThat(read("Not helpful at all").sentiment()).isEqualTo("negative");
        assertThat(read("Det var slet ikke dårligt").sentiment()).isEqualTo("positive");
        assertThat(read("No problems at all").sentiment()).isEqualTo("positive");
        assertThat(read("Meget dårlig service").score()).isLessThan(read("Dårlig service").score());
    }

    @Test
    void whatComesAfterButWeighsMore() {
        assertThat(read("Venlig medarbejder, men svaret var forkert og jeg er meget skuffet").sentiment())
                .isEqualTo("negative");
        assertThat(read("It took a long time but the caseworker was fantastic").sentiment()).isEqualTo("positive");
    }

    @Test
    void ironyTheLexiconKnowsIsNegative() {
        assertThat(read("Tak for ingenting.").sentiment()).isEqualTo("negative");
        assertThat(read("Thanks for nothing").sentiment()).isEqualTo("negative");
    }

    @Test
    void theLastPartOfADanishCompoundCarriesItsMeaning() {
        assertThat(read("Telefonkøen var uendelig").topics()).contains("waiting-time");
        assertThat(read("Sagsbehandlingstiden er for lang").topics()).contains("processing-time");
        assertThat(read("en møgservice").sentiment()).isEqualTo("negative");
    }

    @Test
    void aComplaintIntentNamesItsKindAndTheWordsThatSaidIt() {
        TextAnalysis appeal = read("Jeg vil klage over afgørelsen til Ankestyrelsen");
        assertThat(appeal.complaintIntent()).isTrue();
        assertThat(appeal.intentKinds()).containsExactly("appeal");
        assertThat(appeal.signals()).contains(new Signal("appeal", "klage over afgørelsen"),
                new Signal("appeal", "ankestyrelsen"));

        assertThat(read("Jeg kontakter Folketingets Ombudsmand").intentKinds()).containsExactly("ombudsman");
        assertThat(read("Jeg har talt med min advokat").intentKinds()).containsExactly("lawyer");
        assertThat(read("Så går jeg til pressen").intentKinds()).containsExactly("press");
        assertThat(read("I will take this further with your manager").intentKinds()).containsExactly("escalation");
        assertThat(read("I want to file a formal complaint").intentKinds()).containsExactly("complaint");
    }

    @Test
    void aComplaintTheWriterDeniesOrPutsAsideIsNoIntent() {
        assertThat(read("Jeg vil ikke klage, men det tog lang tid").complaintIntent()).isFalse();
        assertThat(read("Jeg overvejede at klage, men I løste det").complaintIntent()).isFalse();
        assertThat(read("Tak fordi I hjalp mig med min klage fra sidste år").complaintIntent()).isFalse();
        assertThat(read("I'm not complaining, just asking about the status").complaintIntent()).isFalse();
        assertThat(read("No need to complain, it was sorted quickly").complaintIntent()).isFalse();
    }

    @Test
    void aComplaintPutAsideLaterInItsClauseIsNoIntentButAPhraseThatHoldsACancellingWordIs() {
        assertThat(read("I complained about the noise last year, and now it is fine").complaintIntent()).isFalse();
        assertThat(read("Jeg klagede over støjen sidste år, og nu er det fint").complaintIntent()).isFalse();
        assertThat(read("Please consider this a formal complaint about the delay").intentKinds())
                .containsExactly("complaint");
        assertThat(read("Jeg har tænkt mig at klage over behandlingen").intentKinds()).containsExactly("complaint");
        assertThat(read("Afgørelsen kan påklages inden for fire uger").complaintIntent()).isFalse();
        assertThat(read("The decision can be appealed within four weeks").complaintIntent()).isFalse();
    }

    @Test
    void praiseInAQuestionAsksAndAQuestionsConditionSupposes() {
        assertThat(read("Could you help me with the form?").sentiment()).isEqualTo("neutral");
        assertThat(read("Kan I hjælpe mig med blanketten? Tusind tak for en god service.").sentiment())
                .isEqualTo("positive");
        assertThat(read("Hvad gør man, hvis man er uenig i afgørelsen?").sentiment()).isEqualTo("neutral");
        assertThat(read("Why is the service so terrible?").sentiment()).isEqualTo("negative");
    }

    @Test
    void aDenialAfterButTurnsWhatCameBefore() {
        assertThat(read("I expected it to be difficult, but it wasn't").sentiment()).isEqualTo("positive");
        assertThat(read("Jeg troede det ville være bøvlet, men det var det ikke").sentiment()).isEqualTo("positive");
        assertThat(read("It was difficult, but it wasn't their fault and they were rude").sentiment())
                .as("a denial followed by sentiment words is not a reprise").isEqualTo("negative");
    }

    @Test
    void praiseAloneBeforeANegativeClauseMakesTheLaterPraiseIronicToo() {
        assertThat(read("Fantastisk, nu er brevet forsinket igen. Virkelig god service.").sentiment())
                .isEqualTo("negative");
        assertThat(read("Fantastisk hjælp i dag. Virkelig god service.").sentiment()).isEqualTo("positive");
    }

    @Test
    void aThankYouThatOnlyAcknowledgesIsNeutralButThanksForSomethingIsNot() {
        assertThat(read("Brevet er modtaget, tak.").sentiment()).isEqualTo("neutral");
        assertThat(read("Got your letter, thanks").sentiment()).isEqualTo("neutral");
        assertThat(read("Is the library open on Sunday? Thanks").sentiment()).isEqualTo("neutral");
        assertThat(read("Thanks for the quick and friendly help").sentiment()).isEqualTo("positive");
        assertThat(read("Received the rejection. Thanks for nothing").sentiment()).isEqualTo("negative");
    }

    @Test
    void praiseInScareQuotesIsIronic() {
        assertThat(read("Thanks for the 'help' with my application.").sentiment()).isEqualTo("negative");
        assertThat(read("Tak for den \"hjælpsomme\" vejledning.").sentiment()).isEqualTo("negative");
    }

    @Test
    void aConcessionCountsLessThanTheMainClause() {
        assertThat(read("Friendly and patient staff, even though I was a little confused").sentiment())
                .isEqualTo("positive");
        assertThat(read("Medarbejderen var venlig, selvom ventetiden var alt for lang").sentiment())
                .isEqualTo("positive");
    }

    @Test
    void aQuestionAboutAComplaintOrARejectionAsksWithoutFeeling() {
        assertThat(read("How long do I have to complain about a rejection? I have not had an answer yet.")
                .sentiment()).isEqualTo("neutral");
        assertThat(read("Why is your website so terrible?").sentiment()).isEqualTo("negative");
    }

    @Test
    void aWordOfExasperationStandingAloneSighs() {
        assertThat(read("The form was not sent back. Again.").sentiment()).isEqualTo("negative");
        assertThat(read("Jeg prøver igen i morgen.").sentiment()).isEqualTo("neutral");
    }

    @Test
    void lonePraiseForTheMunicipalityWithNothingAfterItIsIronic() {
        TextAnalysis ironic = read("Bravo, kommune. Fortovet har været spærret i et halvt år.");
        assertThat(ironic.sentiment()).isEqualTo("negative");
        assertThat(ironic.signals()).as("the praise is shown as what it meant").contains(new Signal("negative", "bravo"))
                .noneMatch(signal -> signal.kind().equals("positive"));
        assertThat(read("Well done, council. The new playground is lovely.").sentiment()).isEqualTo("positive");
    }

    @Test
    void praiseBeforeAThreatIsIronicAndADenialTurnsPraiseToo() {
        assertThat(read("Excellent service as usual. My lawyer will contact you on Monday.").sentiment())
                .isEqualTo("negative");
        assertThat(read("They promised a quick answer, but it never came").sentiment()).isEqualTo("negative");
    }

    @Test
    void aTextThatAsksInGeneralHasNoComplaintIntent() {
        assertThat(read("Generelt spørgsmål: kan man klage over en parkeringsafgift?").complaintIntent()).isFalse();
        assertThat(read("Hypothetically, could a resident take the council to court over noise?").complaintIntent())
                .isFalse();
        assertThat(read("Hvordan klager jeg over parkeringsafgiften? Skiltet var væk.").complaintIntent()).isTrue();
    }

    @Test
    void aNoteMayNameThePartyAfterItsHeading() {
        TextAnalysis note = read("Tlf.notat: Borger oplyser at have klaget til Ankestyrelsen. Kopi modtaget.");
        assertThat(note.complaintIntent()).isTrue();
        assertThat(note.sentiment()).isEqualTo("neutral");
    }

    @Test
    void aNotesComplaintWordsAreNotTheCaseworkersFeelings() {
        TextAnalysis note = read("Borger ønsker at indgive en klage over ventetiden. Klageskema sendt.");
        assertThat(note.complaintIntent()).isTrue();
        assertThat(note.sentiment()).isEqualTo("neutral");
        assertThat(read("Tlf. med borger om afslag på boligstøtte. Borger vil klage.").sentiment()).isEqualTo("neutral");
        assertThat(read("Borger var meget vred og råbte.").sentiment()).isEqualTo("negative");
        assertThat(read("I want to file a complaint about the waiting time").sentiment()).isEqualTo("negative");
    }

    @Test
    void topicsOfTheNineRulesAreTagged() {
        assertThat(read("Jeg blev sendt rundt mellem tre afdelinger og fik forskellige svar").topics())
                .contains("sent-around", "wrong-information");
        assertThat(read("Hjemmesiden virker ikke og MitID fejler").topics()).contains("self-service-failure");
        assertThat(read("Great help, thank you so much").topics()).containsExactly("good-experience");
        assertThat(read("I disagree with the decision, it is unfair").topics()).contains("decision-disagreement");
    }

    @Test
    void aFactualNoteIsNeutral() {
        assertThat(read("Borger ringede og spurgte til status på ansøgningen").sentiment()).isEqualTo("neutral");
        assertThat(read("I sent the documents yesterday, please confirm receipt").sentiment()).isEqualTo("neutral");
    }

    @Test
    void typographicApostrophesReadAsPlainOnes() {
        assertThat(read("Great help, but it wasn’t.").sentiment()).isEqualTo("negative");
        assertThat(read("Great help, but it wasn't.").sentiment()).isEqualTo("negative");
    }

    @Test
    void aSignOffAfterADenialLeavesTheDenialStanding() {
        assertThat(read("I thought it would be difficult, but it wasn't. Kind regards").sentiment())
                .isEqualTo("positive");
    }

    @Test
    void aTimeAfterAComplaintToComeDoesNotPutItAsideButAfterOneMadeItDoes() {
        assertThat(read("Jeg klager over afgørelsen fra sidste måned").complaintIntent()).isTrue();
        assertThat(read("I will appeal the tax decision of last year").complaintIntent()).isTrue();
        assertThat(read("I complained about the gritting last year, and this winter it was fine").complaintIntent())
                .isFalse();
    }

    @Test
    void askingInGeneralPutsAsideOnlyItsOwnSentenceAndTheOneBefore() {
        assertThat(read("Just curious why nobody answers. I will complain to the ombudsman.").complaintIntent())
                .isTrue();
        assertThat(read("Hvordan klager man over en byggetilladelse? Bare nysgerrig.").complaintIntent()).isFalse();
    }

    @Test
    void aThankYouInASentenceThatDeniesAReceiptIsNotACourtesy() {
        assertThat(read("I have not received the letter, thanks for nothing").sentiment()).isEqualTo("negative");
        assertThat(read("Letter received. Thanks for the quick and kind help!").sentiment()).isEqualTo("positive");
    }

    @Test
    void aSpacedHyphenIsADash() {
        assertThat(read("Wonderful - I have now waited six months for an answer and nobody calls back").sentiment())
                .isEqualTo("negative");
    }

    @Test
    void aLexiconWhoseStemmingMakesTwoEntriesOfDifferentWeightsOneIsRefused() {
        assertThatThrownBy(() -> Lexicon.load(Language.DA, "analysis/conflicting-lexicon.txt"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("conflicting-lexicon.txt:4")
                .hasMessageContaining("forvirrende");
    }

    @Test
    void aNotesShorthandMakesItANoteWithoutItsSubjectFirst() {
        TextAnalysis note = read("Modt. klage over afg. om boligstøtte. Journaliseret og fremsendt til teamleder.");
        assertThat(note.complaintIntent()).isTrue();
        assertThat(note.sentiment()).isEqualTo("neutral");
        assertThat(read("Jeg har modtaget jeres afgørelse og vil klage over den.").sentiment()).isEqualTo("negative");
    }

    @Test
    void aRhetoricalQuestionAsksInExasperation() {
        assertThat(read("Does anyone actually read the forms we send?").sentiment()).isEqualTo("negative");
        assertThat(read("Does anyone read the forms on Saturdays?").sentiment()).isEqualTo("neutral");
    }

    @Test
    void praiseForClosingTheOnlyOneOfSomethingIsIronic() {
        assertThat(read("Tusind tak for at lukke det eneste bibliotek i byen.").sentiment()).isEqualTo("negative");
        assertThat(read("Thank you for opening the only late-night pharmacy in town.").sentiment()).isEqualTo("positive");
    }

    @Test
    void anIntensifierThatHoldsANegatorAndAPhraseWhoseNegatorDoesNotNegateAreNoNegation() {
        assertThat(read("Never seen such quick help from a council").sentiment()).isEqualTo("positive");
        assertThat(read("Mon ikke Ekstra Bladet vil høre om det her.").complaintIntent()).isTrue();
        assertThat(read("Jeg går ikke til pressen.").complaintIntent()).isFalse();
    }

    @Test
    void plainQuestionsWithWordsThatCanSoundExasperatedStayNeutral() {
        assertThat(read("Er det overhovedet muligt at bestille tid om lørdagen?").sentiment()).isEqualTo("neutral");
        assertThat(read("What is the exact date of the meeting?").sentiment()).isEqualTo("neutral");
        assertThat(read("Why can't anyone actually answer the phone?").sentiment())
                .as("the question's own negator does not turn its exasperation").isEqualTo("negative");
    }

    @Test
    void aCitizenWritingForSomeoneElseOrAboutForwardingIsNoCaseworker() {
        assertThat(read("Jeg skriver på vegne af min mor, som jeg har fuldmagt til. Vi vil klage over afgørelsen.")
                .sentiment()).isEqualTo("negative");
        assertThat(read("My complaint was forwarded to another department. I look forward to a real answer, "
                + "otherwise I will complain to the Ombudsman.").sentiment()).isEqualTo("negative");
    }

    @Test
    void aCancellingPhraseThatHoldsATriggerPutsAsideOnlyThatOne() {
        assertThat(read("Received the letter. After my complaint I will go to the Ombudsman.").intentKinds())
                .containsExactly("ombudsman");
        assertThat(read("Tak for hjælpen med min klage fra sidste år.").complaintIntent()).isFalse();
        assertThat(read("Jeg vil klage før fristen udløber.").complaintIntent()).isTrue();
    }

    @Test
    void aClosingFarFromTheOnlyOneOfSomethingIsNoLoss() {
        assertThat(read("Tusind tak, det var det eneste jeg manglede, så I må gerne lukke sagen.").sentiment())
                .isEqualTo("positive");
        assertThat(read("Thank you so much, the library close to us is the only place my son can study.").sentiment())
                .isEqualTo("positive");
        assertThat(read("Mange tak fordi I lukkede den eneste institution i vores område.").sentiment())
                .isEqualTo("negative");
    }

    @Test
    void theLongestIntensifierWinsWhereTwoEndAtTheSameWord() {
        assertThat(read("Jeg har aldrig oplevet så hurtig sagsbehandling").score())
                .isGreaterThan(read("Jeg har oplevet så hurtig sagsbehandling").score());
    }

    @Test
    void readingAboutTheMunicipalityInTheNewspaperIsNoThreat() {
        assertThat(read("Jeg så i avisen, at I har fået nye åbningstider.").complaintIntent()).isFalse();
        assertThat(read("I read in the papers that the library has new opening hours.").complaintIntent()).isFalse();
        assertThat(read("Det her skal til avisen.").intentKinds()).containsExactly("press");
    }

    @Test
    void aVeryLongTextIsReadOnlyAsFarAsTheLimit() {
        String text = "dårlig ".repeat(TextAnalyzer.MAX_CHARACTERS) + "fantastisk";
        TextAnalysis analysis = read(text);
        assertThat(analysis.sentiment()).isEqualTo("negative");
        assertThat(analysis.signals()).noneMatch(signal -> signal.words().equals("fantastisk"));
        assertThat(read("jeg klager ".repeat(1_000)).signals()).as("intent's and sentiment's signals, each capped")
                .hasSizeLessThanOrEqualTo(2 * SentimentScore.MAX_SIGNALS);
    }
}
