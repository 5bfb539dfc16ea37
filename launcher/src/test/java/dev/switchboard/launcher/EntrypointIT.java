/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import static dev.switchboard.launcher.LocalHttp.freePort;
import static dev.switchboard.launcher.LocalHttp.get;
import static dev.switchboard.launcher.LocalHttp.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.embedded.EmbeddedKafka;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's entrypoint, exactly as launcher/pom.xml gives it to Jib ({@code image.entrypoint}:
 * java, the JVM flags, {@code -cp @<classpath file>}, the main class), run as a local process for
 * each role with the arguments deploy/base gives it, against the embedded broker: each passes its
 * readiness probe, an event goes through all three, every metric the alerts and the dashboard use
 * is on some role's {@code /metrics}, and SIGTERM drains each within its manifest's grace period.
 */
class EntrypointIT {

    private static final Path BASE = Path.of("..", "deploy", "base");
    private static final Path DASHBOARDS = Path.of("..", "deploy", "dashboards");
    /** Series that exist only once something happens (a scrape before shows none). */
    private static final Set<String> NOT_YET = Set.of();

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Process> roles = new LinkedHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private EmbeddedKafka kafka;
    private HttpServer receiver;

    @AfterEach
    void stop() {
        roles.values().forEach(Process::destroyForcibly);
        if (receiver != null) {
            receiver.stop(0);
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldStartEveryRoleFromTheImageEntrypointAndDrainOnSigtermWithinTheGracePeriod() throws Exception {
        // Given a broker with the topics and a workspace, applied as the Jobs do
        kafka = EmbeddedKafka.temporary().start();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        Path workspace = dir.resolve("workspace.yaml");
        Files.writeString(
                workspace,
                """
                workspace: image
                sources:
                  - { id: web, writeKey: wk_image }
                destinations:
                  - { id: hooks, type: webhook, settings: { url: "http://127.0.0.1:%d/hook" } }
                connections:
                  - { source: web, destination: hooks }
                """
                        .formatted(receiver.getAddress().getPort()));
        String bootstrap = kafka.bootstrapServers();
        assertThat(Switchboard.commandLine().execute("topics", "create", "--kafka", bootstrap))
                .isZero();
        assertThat(Switchboard.commandLine()
                        .execute("config", "apply", "-f", workspace.toString(), "--kafka", bootstrap))
                .isZero();

        // When each role starts from the entrypoint with its manifest's role, port flag and env
        int apiPort = freePort();
        int routerPort = freePort();
        int deliveryPort = freePort();
        start("tracking-api", List.of("--kafka=" + bootstrap, "--port=" + apiPort), Map.of());
        start(
                "router",
                List.of(
                        "--kafka=" + bootstrap,
                        "--ops-port=" + routerPort,
                        "--set=switchboard.router.state-dir=" + dir.resolve("state")),
                Map.of("SWITCHBOARD_INSTANCE_ID", "switchboard-router-0"));
        start("delivery", List.of("--kafka=" + bootstrap, "--ops-port=" + deliveryPort), Map.of());

        // Then each passes its readiness probe
        Map<String, Integer> ports = Map.of("tracking-api", apiPort, "router", routerPort, "delivery", deliveryPort);
        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> ports.values().stream().allMatch(p -> status(p, "/readyz") == 200));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("a role never became ready; their logs:\n" + roleLogs(), e);
        }

        // And an event goes through the three processes to the destination
        HttpResponse<String> sent = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/v1/track"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("wk_image:".getBytes()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"userId\":\"u-1\",\"event\":\"Imaged\",\"messageId\":\"image-1\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> received.stream().anyMatch(b -> b.contains("image-1")));

        // And every metric the alerts and the dashboard name is exported by some role
        Set<String> exported = new TreeSet<>();
        for (int port : ports.values()) {
            exported.addAll(metricNames(get(port, "/metrics")));
        }
        Set<String> used = usedMetrics();
        assertThat(used).isNotEmpty();
        Set<String> missing = new TreeSet<>(used);
        missing.removeIf(m -> exported.contains(m) || NOT_YET.contains(m));
        assertThat(missing)
                .as("metrics in deploy/dashboards that no role exports")
                .isEmpty();

        // And SIGTERM drains each within the grace period its manifest gives
        for (String role : List.of("tracking-api", "router", "delivery")) {
            Process p = roles.get(role);
            long grace = gracePeriodSeconds(role);
            long started = System.nanoTime();
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(grace, TimeUnit.SECONDS))
                    .as(role + " exits within terminationGracePeriodSeconds " + grace)
                    .isTrue();
            assertThat(p.exitValue()).as(role + " exit code").isIn(0, 143);
            System.out.printf(
                    "%s drained in %d ms (grace %d s)%n", role, (System.nanoTime() - started) / 1_000_000, grace);
        }
    }

    /** The entrypoint of the image, the classpath file standing for the image's, then the args. */
    private void start(String role, List<String> args, Map<String, String> env) throws IOException {
        String entrypoint = System.getProperty("image.entrypoint");
        assertThat(entrypoint)
                .as("image.entrypoint from launcher/pom.xml (run by failsafe)")
                .isNotBlank();
        // Written once: rewriting it while an earlier role's JVM reads it gives that JVM an empty
        // classpath, and then the role name is taken for the main class.
        Path classpathFile = dir.resolve("jib-classpath-file");
        if (Files.notExists(classpathFile)) {
            Files.writeString(classpathFile, System.getProperty("java.class.path"));
        }
        List<String> command = new ArrayList<>();
        for (String part : entrypoint.trim().split("\\s+")) {
            if (part.equals("java")) {
                command.add(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
            } else if (part.equals("@/app/jib-classpath-file")) {
                command.add("@" + classpathFile);
            } else {
                command.add(part);
            }
        }
        command.add(role);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(role + ".log").toFile());
        pb.environment().putAll(env);
        roles.put(role, pb.start());
    }

    /** The last lines each role printed, for the failure message. */
    private String roleLogs() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String role : roles.keySet()) {
            List<String> lines = Files.readAllLines(dir.resolve(role + ".log"));
            out.append("--- ")
                    .append(role)
                    .append(", alive=")
                    .append(roles.get(role).isAlive())
                    .append('\n');
            lines.subList(Math.max(0, lines.size() - 40), lines.size())
                    .forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }

    /** terminationGracePeriodSeconds of the role's workload in deploy/base. */
    private static long gracePeriodSeconds(String role) throws IOException {
        for (JsonNode doc : new YAMLMapper()
                .readerFor(JsonNode.class)
                .<JsonNode>readValues(BASE.resolve(role + ".yaml").toFile())
                .readAll()) {
            JsonNode grace = doc.path("spec").path("template").path("spec").path("terminationGracePeriodSeconds");
            if (grace.isInt()) {
                return grace.asLong();
            }
        }
        throw new AssertionError("no terminationGracePeriodSeconds in " + role + ".yaml");
    }

    /** Metric names in the PrometheusRule and the dashboard: identifiers followed by { or [. */
    private static Set<String> usedMetrics() throws IOException {
        String text = Files.readString(DASHBOARDS.resolve("prometheusrule.yaml"))
                + Files.readString(DASHBOARDS.resolve("switchboard-dashboard.json"));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\b((?:switchboard|kafka)_[a-z0-9_]+)\\s*[{\\[]")
                .matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> metricNames(String scrape) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(scrape.split("\n"))
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }
}
