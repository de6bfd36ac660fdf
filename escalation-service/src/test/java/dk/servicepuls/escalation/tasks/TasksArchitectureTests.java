package dk.servicepuls.escalation.tasks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.RestController;

class TasksArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dk.servicepuls.escalation");

    @Test
    void onlyTheLifecycleWritesTasks() {
        noClasses().that().doNotBelongToAnyOf(TaskLifecycle.class, TaskStore.class)
                .should().callMethod(TaskStore.class, "insert", Task.class, TaskTransitions.Announcement.class)
                .orShould().callMethod(TaskStore.class, "apply", TaskTransitions.Change.class)
                .because("the lifecycle guards every write by what it read and announces it")
                .check(CLASSES);
    }

    @Test
    void stateMachineAndCalendarArePure() {
        noClasses().that().belongToAnyOf(TaskTransitions.class).or().resideInAPackage("dk.servicepuls.escalation.tasks.sla..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..")
                .because("the rules are tested by value, without a store or a context")
                .check(CLASSES);
    }

    @Test
    void controllersDoNotTouchTheStore() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(MongoTemplate.class)
                .because("every change goes through the lifecycle, which guards it and announces it")
                .check(CLASSES);
    }
}
