/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.switchboard.mappers.api.DestinationMapper;
import dev.switchboard.mappers.engine.DeclarativeMapper;
import dev.switchboard.mappers.engine.DeclarativeMapperProvider;
import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite every destination folder runs: the folder loads (valid schema, slug = folder name,
 * valid triggers and directives), every setting is described, each action has a trigger and fixtures,
 * output is deterministic, every request carries the messageId as its idempotency key, secrets stay in
 * auth and headers, README.md is present, no unknown files, and the class-path index lists the folder.
 */
public class MapperConformanceTest {

    /** The folder to copy when adding a destination; checked, never packaged. */
    static final String TEMPLATE = "_template";

    @TestFactory
    Stream<DynamicNode> shouldFollowTheRulesWhenCheckingEachDestinationFolder() {
        Stream<DynamicNode> folders = DestinationFolder.list(DestinationFolder.root()).stream()
                .map(folder -> DynamicContainer.dynamicContainer(
                        folder.slug(), folder.dir().toUri(), checks(folder)));
        return Stream.concat(folders, template());
    }

    /** The folder data engineers copy must itself load, so that a copy starts from a working mapping. */
    private static Stream<DynamicNode> template() {
        Path dir = DestinationFolder.root().resolve(TEMPLATE);
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        DestinationFolder folder = new DestinationFolder(TEMPLATE, dir);
        return Stream.of(
                DynamicTest.dynamicTest(TEMPLATE + "/loads", () -> load(folder)),
                check(folder, "actions-have-fixtures", ConformanceChecks::actionsHaveFixtures),
                check(folder, "settings-described", ConformanceChecks::settingsDescribed));
    }

    private static Stream<DynamicNode> checks(DestinationFolder folder) {
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(folder.slug() + "/loads", () -> load(folder)));
        tests.add(check(folder, "settings-described", ConformanceChecks::settingsDescribed));
        tests.add(check(folder, "files", ConformanceChecks::files));
        tests.add(check(folder, "actions-have-fixtures", ConformanceChecks::actionsHaveFixtures));
        tests.add(check(folder, "deterministic", (f, m) -> ConformanceChecks.deterministic(f, m, load(f))));
        tests.add(check(folder, "message-id-carried", ConformanceChecks::messageIdCarried));
        tests.add(check(folder, "batch-consistent", ConformanceChecks::batchConsistent));
        tests.add(check(folder, "secrets-only-in-auth", ConformanceChecks::secretsOnlyInAuth));
        tests.add(DynamicTest.dynamicTest(folder.slug() + "/indexed", () -> indexed(folder)));
        return tests.stream();
    }

    private static DynamicTest check(
            DestinationFolder folder,
            String name,
            BiFunction<DestinationFolder, DeclarativeMapper, List<String>> rule) {
        return DynamicTest.dynamicTest(folder.slug() + "/" + name, () -> {
            // Given the loaded folder, When the rule runs, Then it finds no problem
            List<String> problems = rule.apply(folder, load(folder));
            assertThat(problems)
                    .as("%s breaks '%s':%n  %s", folder.slug(), name, String.join("\n  ", problems))
                    .isEmpty();
        });
    }

    private static DeclarativeMapper load(DestinationFolder folder) {
        try {
            return folder.load();
        } catch (DestinationDefinitionException e) {
            return fail(e.getMessage());
        }
    }

    private static void indexed(DestinationFolder folder) {
        // the built jar serves the folder only when the generated index lists it
        List<String> served = new DeclarativeMapperProvider(MapperConformanceTest.class.getClassLoader())
                .mappers().stream().map(DestinationMapper::slug).toList();
        assertThat(served)
                .as(
                        "switchboard/destinations/index.json on the class path does not list '%s'; rebuild the"
                                + " destinations module (mvn package) so the generated index is fresh",
                        folder.slug())
                .contains(folder.slug());
    }
}
