/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.switchboard.mappers.engine.DeclarativeMapper;
import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each {@code <slug>/fixtures/<case>.input.json} mapped by the folder's YAML must give exactly
 * {@code <case>.expected.json}. With {@code -Dgolden.update} the expected files are rewritten instead, and
 * the diff is what reviewers read. Tests are named {@code <slug>/<case>}.
 */
public class GoldenFixturesTest {

    /** The system property that rewrites expected files. */
    public static final String UPDATE_PROPERTY = "golden.update";

    @TestFactory
    List<DynamicTest> shouldProduceExpectedRequestsWhenMappingEachFixture() {
        boolean update = System.getProperty(UPDATE_PROPERTY) != null;
        List<DynamicTest> tests = new ArrayList<>();
        for (DestinationFolder folder : DestinationFolder.list(DestinationFolder.root())) {
            for (Fixture fixture : folder.fixtures()) {
                tests.add(DynamicTest.dynamicTest(
                        folder.slug() + "/" + fixture.name(),
                        fixture.input().toUri(),
                        () -> check(folder, fixture, update)));
            }
        }
        return tests;
    }

    private static void check(DestinationFolder folder, Fixture fixture, boolean update) {
        // Given the folder's mapping and the fixture's event
        DeclarativeMapper mapper;
        try {
            mapper = folder.load();
        } catch (DestinationDefinitionException e) {
            fail(e.getMessage() + " (MapperConformanceTest names the fix)");
            return;
        }
        // When it is mapped
        String actual = Fixture.text(fixture.run(mapper));
        // Then the output is exactly the expected file
        if (update) {
            write(fixture, actual);
            return;
        }
        String expected = fixture.expectedText();
        if (expected == null) {
            fail(fixture.expected() + " is missing: run mvn test -Dgolden.update in destination-mappers/destinations, "
                    + "then review the file it writes");
        }
        assertThat(actual)
                .as(
                        "%s differs from what the mapping produces; if the change is intended, run "
                                + "mvn test -Dgolden.update and review the diff",
                        fixture.expected())
                .isEqualTo(expected);
    }

    private static void write(Fixture fixture, String text) {
        try {
            Files.writeString(fixture.expected(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
