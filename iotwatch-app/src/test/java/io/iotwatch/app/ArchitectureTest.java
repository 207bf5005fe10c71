package io.iotwatch.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point inward to core: sources and stores know core, only the app knows them all. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Other modules' test helpers (Frames, TestFiles) reach the app's tests as test-jars.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.iotwatch");
    }

    @Test
    void modulesDependInwardOnly() {
        ArchRule layers = Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("io.iotwatch.core..")
                .layer("logs").definedBy("io.iotwatch.logs..")
                .layer("packet").definedBy("io.iotwatch.packet..")
                .layer("store").definedBy("io.iotwatch.store..")
                .layer("report").definedBy("io.iotwatch.report..")
                .layer("detect").definedBy("io.iotwatch.detect..")
                .layer("sim").definedBy("io.iotwatch.sim..")
                .layer("ml").definedBy("io.iotwatch.ml..")
                .layer("web").definedBy("io.iotwatch.web..")
                .layer("app").definedBy("io.iotwatch.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("logs").mayOnlyBeAccessedByLayers("app")
                .whereLayer("packet").mayOnlyBeAccessedByLayers("sim", "ml", "app")
                .whereLayer("store").mayOnlyBeAccessedByLayers("web", "report", "app")
                .whereLayer("report").mayOnlyBeAccessedByLayers("web", "app")
                .whereLayer("web").mayOnlyBeAccessedByLayers("app")
                .whereLayer("detect").mayOnlyBeAccessedByLayers("ml", "app")
                .whereLayer("sim").mayOnlyBeAccessedByLayers("ml", "app")
                .whereLayer("ml").mayOnlyBeAccessedByLayers("app")
                .whereLayer("core").mayOnlyBeAccessedByLayers("logs", "packet", "store", "report", "detect", "sim", "ml", "web", "app");
        layers.check(classes);
    }

    @Test
    void coreDoesNoIo() {
        noClasses()
                .that().resideInAPackage("io.iotwatch.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.nio.channels..", "java.net..", "java.sql..")
                .check(classes);
    }

    @Test
    void detectorsDoNotDependOnEachOther() {
        slices().matching("io.iotwatch.detect.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.iotwatch.(**)").should().beFreeOfCycles().check(classes);
    }
}
