package dk.servicepuls.escalation.risk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class RiskArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dk.servicepuls.escalation.risk");

    @Test
    void scoringKnowsNothingOfTheStore() {
        noClasses().that().belongToAnyOf(RiskModel.class, CaseFacts.class, Fact.class, Assessment.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "org.bson..",
                        "com.mongodb..", "dk.servicepuls.platform.outbox..")
                .because("scoring is plain rules over facts, testable without a store")
                .check(CLASSES);
    }
}
