/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WorkspaceConfigParserTest {

    private static final Path INVALID = Path.of("src/test/resources/config/invalid");

    @Test
    void shouldParseEveryPartWhenFileIsValid() throws Exception {
        // Given
        String yaml =
                """
                workspace: acme
                sources:
                  - id: web
                    name: Website
                    writeKey: wk_web
                  - id: backend
                    writeKey: [wk_b1, wk_b2]
                destinations:
                  - id: hooks
                    type: webhook
                    settings: { url: "http://127.0.0.1:9000/hook", sharedSecret: "${SECRET}" }
                connections:
                  - source: web
                    destination: hooks
                  - { source: backend, destination: hooks, enabled: false }
                """;

        // When
        ParsedWorkspace parsed = WorkspaceConfigParser.parseYaml(yaml, "w.yaml", Map.of("SECRET", "s3")::get);

        // Then
        WorkspaceConfig c = parsed.config();
        assertThat(c.workspace()).isEqualTo("acme");
        assertThat(c.sources()).extracting(SourceConfig::id).containsExactly("web", "backend");
        assertThat(c.source("backend").orElseThrow().writeKeys()).containsExactly("wk_b1", "wk_b2");
        assertThat(c.destination("hooks").orElseThrow().setting("sharedSecret").asText())
                .isEqualTo("s3");
        assertThat(c.connectionsOf("web")).hasSize(1);
        assertThat(c.connectionsOf("backend"))
                .as("disabled connections are not routed")
                .isEmpty();
        assertThat(parsed.lineOf("/destinations/0/type")).isEqualTo(10);
    }

    @Test
    void shouldRoundTripWhenWrittenAsDocument() throws Exception {
        WorkspaceConfig c = WorkspaceConfigParser.parseYaml(
                        "workspace: w\nsources: [{id: s, writeKey: k}]\n", "w.yaml", n -> null)
                .config();
        assertThat(WorkspaceConfigParser.parseDocument(WorkspaceConfigParser.toDocument(c)))
                .isEqualTo(c);
    }

    @Test
    void shouldKeepAVariablesValueOneStringWhateverItHolds() throws Exception {
        // Given values that YAML would read otherwise if they were pasted into the text
        Map<String, String> env = Map.of(
                "HASH", "abc #def",
                "COLON", "a: b",
                "LINES", "x\nextra: key",
                "DIGITS", "123456",
                "EMPTY", "");
        String yaml =
                """
                workspace: w
                sources: [{id: s, writeKey: k}]
                destinations:
                  - id: d
                    type: webhook
                    settings:
                      url: ${EMPTY:-https://h.example/in}
                      sharedSecret: ${HASH}
                      headers: { A: ${COLON}, B: ${LINES}, C: ${DIGITS}, D: "pre-${DIGITS}-post" }
                """;

        // When
        DestinationConfig d = WorkspaceConfigParser.parseYaml(yaml, "w.yaml", env::get)
                .config()
                .destination("d")
                .orElseThrow();

        // Then each is the variable's exact text, and an empty variable takes the default, as in the shell
        assertThat(d.setting("url").asText()).isEqualTo("https://h.example/in");
        assertThat(d.setting("sharedSecret").asText()).isEqualTo("abc #def");
        assertThat(d.setting("headers").get("A").asText()).isEqualTo("a: b");
        assertThat(d.setting("headers").get("B").asText()).isEqualTo("x\nextra: key");
        assertThat(d.setting("headers").get("C").isTextual()).isTrue();
        assertThat(d.setting("headers").get("C").asText()).isEqualTo("123456");
        assertThat(d.setting("headers").get("D").asText()).isEqualTo("pre-123456-post");
    }

    @Test
    void shouldNameTheLineWhenAVariableIsUnset() {
        assertThatThrownBy(() -> WorkspaceConfigParser.parseYaml(
                        "workspace: w\nsources:\n  - id: s\n    writeKey: ${MISSING}\n", "w.yaml", n -> null))
                .hasMessageContaining("w.yaml:4")
                .hasMessageContaining("environment variable MISSING is not set");
    }

    @Test
    void shouldUseDefaultWhenEnvironmentVariableIsUnset() throws Exception {
        WorkspaceConfig c = WorkspaceConfigParser.parseYaml(
                        "workspace: w\nsources: [{id: s, writeKey: \"${KEY:-fallback}\"}]\n", "w.yaml", n -> null)
                .config();
        assertThat(c.sources().get(0).writeKeys()).containsExactly("fallback");
    }

    @Test
    void shouldCompileForwardingWhenPlanForwardsToAnotherSource() throws Exception {
        // Given
        String yaml =
                """
                workspace: acme
                sources: [{ id: web, writeKey: wk_1 }, { id: audit, writeKey: wk_2 }, { id: quarantine, writeKey: wk_3 }]
                trackingPlans:
                  - source: web
                    versions: [{ version: 1 }]
                    forwardViolations: { source: audit }
                    forwardBlockedEvents: { source: quarantine }
                  - source: audit
                    versions: [{ version: 1 }]
                """;

        // When
        WorkspaceConfig c =
                WorkspaceConfigParser.parseYaml(yaml, "w.yaml", n -> null).config();
        var web = dev.switchboard.workspace.plan.CompiledPlan.compile(
                c.trackingPlans().get(0));
        var audit = dev.switchboard.workspace.plan.CompiledPlan.compile(
                c.trackingPlans().get(1));

        // Then
        assertThat(web.forwardViolations()).isEqualTo("audit");
        assertThat(web.forwardBlockedEvents()).isEqualTo("quarantine");
        assertThat(audit.forwardViolations()).as("forwarding is optional").isNull();
        assertThat(audit.forwardBlockedEvents()).isNull();
    }

    /**
     * Each {@code config/invalid/<case>.yaml} starts with a comment line {@code # expect: <line>: <text>}:
     * the parser must fail with a problem on that line whose message contains the text.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void shouldNameLineAndProblemWhenFileIsInvalid(String name) throws IOException {
        Path file = INVALID.resolve(name);
        String text = Files.readString(file);
        String expect = text.lines().findFirst().orElseThrow().replaceFirst("^# expect: ", "");
        int line = Integer.parseInt(expect.substring(0, expect.indexOf(':')));
        String message = expect.substring(expect.indexOf(':') + 1).trim();

        ConfigException e = catchThrowableOfType(
                ConfigException.class, () -> WorkspaceConfigParser.parseYaml(text, name, n -> null));

        assertThat(e).as("%s must be refused", name).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains(message);
        });
        assertThat(e.getMessage()).contains(name + ":" + line);
    }

    static Stream<String> invalidFiles() throws IOException {
        try (Stream<Path> files = Files.list(INVALID)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }
}
