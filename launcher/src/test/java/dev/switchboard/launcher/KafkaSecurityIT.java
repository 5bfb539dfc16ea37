/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.delivery.DeliveryApp;
import dev.switchboard.delivery.DeliveryConfig;
import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.options.OptionSet;
import dev.switchboard.router.RouterApp;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.tracking.TrackingApiApp;
import dev.switchboard.tracking.config.TrackingApiConfig;
import dev.switchboard.tracking.produce.KafkaHealth;
import dev.switchboard.workspace.KafkaConfigView;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every role on a cluster that takes only SASL/SCRAM-SHA-512 clients, configured with nothing but
 * {@code kafka.*} settings, one user per role as {@code deploy/strimzi} gives them: the password read
 * from a mounted Secret's file by Kafka's own {@code DirectoryConfigProvider}, as the manifests do,
 * and nothing allowed but the ACLs of {@code deploy/strimzi/users.yaml}: they suffice.
 * The jobs ({@code topics create}, {@code config apply}) run through the command line; an event then
 * goes from the tracking API through the router and delivery to a local HTTP server.
 */
class KafkaSecurityIT {

    @TempDir
    Path dir;

    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private EmbeddedKafka kafka;
    private HttpServer receiver;

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldDeliverEndToEndWhenEveryRoleAuthenticatesWithScramThroughKafkaSettingsOnly() throws Exception {
        // Given a SCRAM-only listener and a user per role, each password in a Secret-like directory
        kafka = EmbeddedKafka.temporaryScram().start();
        String bootstrap = kafka.bootstrapServers();
        Map<String, Map<String, String>> settings = new HashMap<>();
        for (String user : List.of("sb-jobs", "sb-tracking-api", "sb-router", "sb-delivery", "sb-operator")) {
            kafka.addScramUser(user, "pw-" + user);
            settings.put(user, kafkaSettings(user));
        }
        kafka.addAcls(StrimziAcls.read());

        // And a client without those settings is refused by the listener
        try (KafkaHealth anonymous = new KafkaHealth(bootstrap, Duration.ofSeconds(1)).start()) {
            assertThat(anonymous.reachable()).isFalse();
        }

        // When the jobs create the topics and apply a workspace with --set kafka.* only
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
                workspace: secure
                sources:
                  - { id: web, writeKey: wk_secure }
                destinations:
                  - { id: hook, type: webhook, settings: { url: "http://127.0.0.1:%d/hook" } }
                connections:
                  - { source: web, destination: hook }
                """
                        .formatted(receiver.getAddress().getPort()));
        assertThat(run(withSettings(List.of("topics", "create", "--kafka", bootstrap), settings.get("sb-jobs"))))
                .isZero();
        assertThat(run(withSettings(
                        List.of("config", "apply", "-f", workspace.toString(), "--kafka", bootstrap),
                        settings.get("sb-jobs"))))
                .isZero();

        // And the three roles start with their own users
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Map<String, String> api = settings.get("sb-tracking-api");
        TrackingApiApp tracking = new TrackingApiApp(
                TrackingApiConfig.from(api).withHost("127.0.0.1").withPort(0),
                bootstrap,
                view(bootstrap, "tracking", api),
                registry);
        int port = tracking.start();
        running.add(tracking);
        Map<String, String> routerProps = new HashMap<>(settings.get("sb-router"));
        routerProps.put(RouterConfig.STATE_DIR.key(), dir.resolve("state").toString());
        RouterApp router = new RouterApp(RouterConfig.from(routerProps), bootstrap, MapperRegistry.load());
        router.start();
        running.add(router);
        Map<String, String> deliveryProps = settings.get("sb-delivery");
        DeliveryApp delivery = new DeliveryApp(
                DeliveryConfig.from(deliveryProps), bootstrap, view(bootstrap, "delivery", deliveryProps), registry);
        delivery.start();
        running.add(delivery);
        await().atMost(Duration.ofSeconds(90)).until(() -> tracking.ready() && router.ready() && delivery.ready());

        // And an event is sent (again after a 503, as Segment's libraries do: on a loaded machine the
        // producer's first metadata fetch may outlast the tracking API's short max.block)
        HttpRequest track = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/track"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("wk_secure:".getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"userId\":\"u-1\",\"event\":\"Secured\",\"messageId\":\"scram-1\"}"))
                .build();
        AtomicReference<HttpResponse<String>> sent = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    sent.set(HttpClient.newHttpClient().send(track, HttpResponse.BodyHandlers.ofString()));
                    return sent.get().statusCode() != 503;
                });

        // Then it is accepted and delivered
        assertThat(sent.get().statusCode()).as(sent.get().body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> received.stream().anyMatch(b -> b.contains("scram-1")));

        // And the SRE commands work with the operator's user: status, dead letters, a pause and its resume,
        // a replay's dry run and the replay
        Map<String, String> operator = settings.get("sb-operator");
        for (List<String> command : List.of(
                List.of("status"),
                List.of("topics", "describe"),
                List.of("dlq", "list", "--destination", "hook"),
                List.of("destination", "pause", "hook", "--reason", "scram check"),
                List.of("destination", "resume", "hook"),
                List.of("replay", "--source", "web", "--from", "-1h", "--to", "now", "--dry-run"),
                List.of("replay", "--source", "web", "--from", "-1h", "--to", "now", "--replay-id", "rp-scram"))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--kafka", bootstrap));
            assertThat(run(withSettings(args, operator)))
                    .as(String.join(" ", command))
                    .isZero();
        }

        // And the replay wrote its request with the operator's user: the event arrives a second time
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        received.stream().filter(b -> b.contains("scram-1")).count() == 2);

        // And a role's user may do nothing its ACLs do not name: the tracking API cannot write the archive
        Map<String, Object> producer = new HashMap<>(OptionSet.kafkaCommon(api));
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (var p = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() ->
                            p.send(new ProducerRecord<>("sb.events", "k", "v")).get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    /** What a pod gets: SCRAM over SASL_PLAINTEXT, the JAAS line read from the mounted user Secret. */
    private Map<String, String> kafkaSettings(String user) throws Exception {
        Path secret = Files.createDirectories(dir.resolve("secrets").resolve(user));
        Files.writeString(
                secret.resolve("sasl.jaas.config"),
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                        + "\" password=\"pw-" + user + "\";");
        return Map.of(
                "kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.config.providers", "secret",
                "kafka.config.providers.secret.class",
                        "org.apache.kafka.common.config.provider.DirectoryConfigProvider",
                "kafka.sasl.jaas.config", "${secret:" + secret + ":sasl.jaas.config}");
    }

    private KafkaConfigView view(String bootstrap, String role, Map<String, String> props) {
        KafkaConfigView view =
                new KafkaConfigView(bootstrap, "sb-" + role + "-config", OptionSet.kafkaCommon(props)).start();
        running.add(view);
        return view;
    }

    private static List<String> withSettings(List<String> args, Map<String, String> settings) {
        List<String> all = new ArrayList<>(args);
        settings.forEach((k, v) -> {
            all.add("--set");
            all.add(k + "=" + v);
        });
        return all;
    }

    private static int run(List<String> args) {
        CommandLine cli = Switchboard.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args.toArray(String[]::new));
        assertThat(err.toString()).as("stderr of %s", args.get(0)).doesNotContain("error");
        return exit;
    }
}
