/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layering of the modules, checked on the production classes of every module (the launcher sees them all):
 * each rule says why it holds, so a change that breaks one says what it breaks.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        // the modules come as directories in the reactor and as jars from ~/.m2 otherwise: both are read
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.switchboard");
        // a rule over too few classes would pass for nothing: every module's classes must be there
        assertThat(List.of(
                        "dev.switchboard.schemas.Stage",
                        "dev.switchboard.tracking.TrackingApiApp",
                        "dev.switchboard.router.RouterTopology",
                        "dev.switchboard.delivery.DeliveryApp",
                        "dev.switchboard.warehouse.app.WarehouseApp",
                        "dev.switchboard.launcher.Switchboard"))
                .allMatch(classes::contain);
    }

    @Test
    void shouldDependOnlyDownTheFlowWhenAModuleUsesAnother() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Schemas")
                .definedBy("dev.switchboard.schemas..")
                .layer("Options")
                .definedBy("dev.switchboard.options..")
                .layer("Calls")
                .definedBy("dev.switchboard.calls..")
                .layer("Fql")
                .definedBy("dev.switchboard.fql..")
                .layer("MappersApi")
                .definedBy("dev.switchboard.mappers.api..")
                .layer("Engine")
                .definedBy("dev.switchboard.mappers.engine..")
                .layer("Workspace")
                .definedBy("dev.switchboard.workspace..")
                .layer("EmbeddedKafka")
                .definedBy("dev.switchboard.embedded..")
                .layer("TrackingApi")
                .definedBy("dev.switchboard.tracking..")
                .layer("Router")
                .definedBy("dev.switchboard.router..")
                .layer("Delivery")
                .definedBy("dev.switchboard.delivery..")
                .layer("Warehouse")
                .definedBy("dev.switchboard.warehouse..")
                .layer("Launcher")
                .definedBy("dev.switchboard.launcher..")
                .whereLayer("Launcher")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("TrackingApi")
                .mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Router")
                .mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Delivery")
                .mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Warehouse")
                .mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("EmbeddedKafka")
                .mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Workspace")
                .mayOnlyBeAccessedByLayers("TrackingApi", "Router", "Delivery", "Warehouse", "Launcher")
                .whereLayer("Engine")
                .mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Calls")
                .mayOnlyBeAccessedByLayers("TrackingApi", "Router", "Launcher")
                .because("data flows one way (DESIGN.md): a role reads the workspace and the records, never another"
                        + " role, so each runs, scales and fails alone; only the launcher wires them together, and"
                        + " mappers are found through the mappers API, never the engine's classes")
                .check(classes);
    }

    @Test
    void shouldHaveNoPackageCyclesWhenPackagesDependOnEachOther() {
        slices().matching("dev.switchboard.(**)")
                .should()
                .beFreeOfCycles()
                .because("a package that needs the one that needs it cannot be read, tested or moved alone")
                .check(classes);
    }

    @Test
    void shouldStartTheEmbeddedBrokerOnlyInDevModeWhenARoleRunsOnARealCluster() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "dev.switchboard.embedded..", "dev.switchboard.launcher.dev..", "dev.switchboard.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.switchboard.embedded..")
                .because(
                        "the embedded broker is for `switchboard dev` and the tests; every role and command on a"
                                + " real cluster creates and describes topics with schemas' TopicAdmin, not the broker's module")
                .check(classes);
    }

    static Stream<String> modulesWithInternals() {
        return Stream.of("dev.switchboard.fql", "dev.switchboard.mappers.engine", "dev.switchboard.router");
    }

    @ParameterizedTest
    @MethodSource("modulesWithInternals")
    void shouldKeepInternalPackagesToTheirModuleWhenAnotherModuleNeedsSomething(String module) {
        noClasses()
                .that()
                .resideOutsideOfPackage(module + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(module + ".internal..")
                .because("an internal package may change in any commit; other modules use the module's public API")
                .check(classes);
    }
}
