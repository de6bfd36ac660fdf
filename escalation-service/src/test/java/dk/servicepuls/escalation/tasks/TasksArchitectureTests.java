package dk.servicepuls.escalation.tasks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class TasksArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dk.servicepuls.escalation.tasks");

    @Test
    void tasksKnowNothingOfKafkaMessagingOrCloudEvents() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                        "org.springframework.messaging..", "org.springframework.cloud..", "io.cloudevents..")
                .because("the case-events intake turns records into values; the tasks only see values")
                .check(CLASSES);
    }

    @Test
    void stateMachineAndCalendarArePure() {
        noClasses().that().haveSimpleName("TaskTransitions").or().resideInAPackage("..tasks.sla..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..")
                .because("the rules are tested by value, without a store or a context")
                .check(CLASSES);
    }

    @Test
    void webLayerDoesNotWriteTheStoreDirectly() {
        noClasses().that().haveSimpleName("TasksController")
                .should().dependOnClassesThat().haveSimpleName("MongoTemplate")
                .because("every change goes through the lifecycle, which guards it and announces it")
                .check(CLASSES);
    }
}
