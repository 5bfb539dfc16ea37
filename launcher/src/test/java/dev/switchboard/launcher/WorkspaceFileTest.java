/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.workspace.WorkspaceFile;
import dev.switchboard.workspace.config.ConfigException;
import dev.switchboard.workspace.config.WorkspaceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full check `config apply` runs: structure, destination types and settings, filters. */
class WorkspaceFileTest {

    private static final MapperRegistry MAPPERS = MapperRegistry.load();

    @TempDir
    Path dir;

    @Test
    void shouldLoadExampleWorkspaceWhenDevModeAppliesIt() throws Exception {
        WorkspaceConfig c = WorkspaceFile.load(Path.of("../examples/workspace.yaml"), n -> null, MAPPERS)
                .config();
        assertThat(c.workspace()).isEqualTo("example");
        assertThat(c.destination("inbox").orElseThrow().setting("url").asText())
                .isEqualTo("http://127.0.0.1:8080/dev/inbox");
    }

    @Test
    void shouldNameTypeAndLineWhenDestinationTypeIsUnknown() throws Exception {
        ConfigException e = invalid(
                """
                workspace: w
                destinations:
                  - id: d
                    type: webhok
                    settings: { url: "http://127.0.0.1/" }
                """);
        assertThat(e.getMessage())
                .contains("w.yaml:4")
                .contains("unknown destination type 'webhok'")
                .contains("webhook");
    }

    @Test
    void shouldNameSettingWhenRequiredSettingIsMissingOrUnknown() throws Exception {
        ConfigException e = invalid(
                """
                workspace: w
                destinations:
                  - id: d
                    type: webhook
                    settings:
                      sharedSecert: x
                """);
        assertThat(e.getMessage())
                .contains("setting 'url' is required")
                .contains("unknown setting 'sharedSecert' (did you mean 'sharedSecret'?)")
                .contains("w.yaml:6");
    }

    @Test
    void shouldGivePositionWhenFilterExpressionIsInvalid() throws Exception {
        ConfigException e = invalid(
                """
                workspace: w
                sources: [{id: s, writeKey: k}]
                destinations:
                  - { id: d, type: webhook, settings: { url: "http://127.0.0.1/" } }
                connections:
                  - source: s
                    destination: d
                    filters:
                      - { if: 'type = "track" and (event = "x"', drop: true }
                """);
        assertThat(e.getMessage())
                .contains("w.yaml:9")
                .contains("invalid filter")
                .contains("expected ')'");
    }

    @Test
    void shouldRefuseABadSamplePathAndABadDisabledFilterWhenApplied() throws Exception {
        // a samplePath the router could not read on any event
        ConfigException samplePath = invalid(
                """
                workspace: w
                sources: [{id: s, writeKey: k}]
                destinations:
                  - { id: d, type: webhook, settings: { url: "http://127.0.0.1/" } }
                connections:
                  - source: s
                    destination: d
                    filters:
                      - { if: all, sample: 0.5, samplePath: 'properties..x' }
                """);
        assertThat(samplePath.getMessage()).contains("w.yaml:9").contains("samplePath");
        // a disabled filter must compile too: turning it on later must not be what fails
        ConfigException disabled = invalid(
                """
                workspace: w
                sources: [{id: s, writeKey: k}]
                destinations:
                  - { id: d, type: webhook, settings: { url: "http://127.0.0.1/" } }
                connections:
                  - source: s
                    destination: d
                    filters:
                      - { if: 'type = = 1', drop: true, enabled: false }
                """);
        assertThat(disabled.getMessage()).contains("w.yaml:9").contains("invalid filter");
    }

    @Test
    void shouldReportEveryProblemAtOnceInLineOrder() throws Exception {
        ConfigException e = invalid(
                """
                workspace: w
                sources: [{id: s, writeKey: k}]
                destinations:
                  - { id: d, type: webhok, settings: { url: "http://127.0.0.1/" } }
                connections:
                  - source: wbe
                    destination: d
                    filters:
                      - { if: 'type = = 1', drop: true }
                """);
        assertThat(e.getMessage())
                .contains("w.yaml:4", "unknown destination type 'webhok'")
                .contains("w.yaml:6", "'wbe'")
                .contains("w.yaml:9", "invalid filter");
        assertThat(e.getMessage().indexOf("w.yaml:4")).isLessThan(e.getMessage().indexOf("w.yaml:6"));
    }

    @Test
    void shouldRefuseFilterWithTwoActionsWhenApplied() throws Exception {
        ConfigException e = invalid(
                """
                workspace: w
                sources: [{id: s, writeKey: k}]
                destinations:
                  - { id: d, type: webhook, settings: { url: "http://127.0.0.1/" } }
                connections:
                  - source: s
                    destination: d
                    filters:
                      - { if: all, drop: true, sample: 0.5 }
                """);
        assertThat(e.getMessage()).contains("exactly one action");
    }

    @Test
    void shouldNameActionAndFieldWhenConnectionOverridesAreInvalid() throws Exception {
        ConfigException e = invalid(
                """
                workspace: w
                sources: [{id: s, writeKey: k}]
                destinations:
                  - { id: d, type: http-request, settings: { url: "https://example.com/in" } }
                connections:
                  - source: s
                    destination: d
                    enabledActions: [send, sned]
                    mapping:
                      send: { date: { '@path': $.properties } }
                """);
        assertThat(e.getMessage())
                .contains("w.yaml:8")
                .contains("'sned' is not an action of http-request")
                .contains("w.yaml:10")
                .contains("has no field 'date'");
    }

    private ConfigException invalid(String yaml) throws Exception {
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, yaml);
        ConfigException e = catchThrowableOfType(
                ConfigException.class, () -> WorkspaceFile.load(file, Map.<String, String>of()::get, MAPPERS));
        assertThat(e).as("the file must be refused").isNotNull();
        return e;
    }
}
