/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.delivery.DeliveryConfig;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.tracking.config.TrackingApiConfig;
import dev.switchboard.warehouse.LoaderConfig;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay (and each part on its own) renders with kustomize, reads strictly into its model,
 * and every pod keeps the rules; each role's workload runs the role it says, with its probes on
 * its port, its properties valid options, and a grace period above its drain time.
 */
class RenderedManifestsTest {

    /** Drain bounds the code gives, beyond the options: Kafka Streams' close, a producer's close. */
    private static final Duration ROUTER_CLOSE = Duration.ofSeconds(30);

    private static final Duration PRODUCER_CLOSE = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", "base", "strimzi", "dashboards"})
    void shouldReadEveryResourceStrictlyWhenRendered(String dir) {
        Rendered rendered = Rendered.of(dir);
        assertThat(rendered.resources()).isNotEmpty();
        List<String> problems = new ArrayList<>();
        rendered.resources().forEach(r -> problems.addAll(StrictModels.problems(r)));
        assertThat(problems).as(dir).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldKeepThePodRulesWhenRendered(String dir) {
        assertThat(PodPolicy.problems(Rendered.of(dir).resources())).as(dir).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldProbeEachRoleOnItsPortAndOutlastItsDrainWhenRendered(String dir) throws IOException {
        Rendered r = Rendered.of(dir);
        Map<String, Properties> config = properties(r);

        JsonNode api = pod(r.get("Deployment", "switchboard-tracking-api"));
        TrackingApiConfig apiConfig = TrackingApiConfig.from(map(config.get("tracking-api.properties")));
        role(api, "tracking-api", "--port=", 8080, "tracking-api.properties");
        assertThat(grace(api))
                .as("tracking API: preStop + shutdown-timeout + producer close")
                .isGreaterThan(preStop(api).plus(apiConfig.shutdownTimeout()).plus(PRODUCER_CLOSE));

        JsonNode router = pod(r.get("StatefulSet", "switchboard-router"));
        RouterConfig routerConfig = RouterConfig.from(map(config.get("router.properties")));
        role(router, "router", "--ops-port=", 9091, "router.properties");
        assertThat(grace(router)).as("router: Kafka Streams' close").isGreaterThan(ROUTER_CLOSE);
        assertThat(mountPaths(router)).contains(routerConfig.stateDir());
        assertThat(r.get("StatefulSet", "switchboard-router").path("spec").path("volumeClaimTemplates"))
                .as("router state on a persistent volume")
                .isNotEmpty();
        assertThat(container(router).path("env").toString())
                .as("static membership from the pod name")
                .contains("SWITCHBOARD_INSTANCE_ID", "metadata.name");

        JsonNode delivery = pod(r.get("Deployment", "switchboard-delivery"));
        DeliveryConfig deliveryConfig = DeliveryConfig.from(map(config.get("delivery.properties")));
        role(delivery, "delivery", "--ops-port=", 9092, "delivery.properties");
        assertThat(grace(delivery))
                .as("delivery: shutdown.timeout + producer close")
                .isGreaterThan(deliveryConfig.shutdownTimeout().plus(PRODUCER_CLOSE));

        JsonNode warehouse = pod(r.get("Deployment", "switchboard-warehouse"));
        LoaderConfig loaderConfig = LoaderConfig.from(map(config.get("warehouse.properties")));
        role(warehouse, "warehouse", "--ops-port=", 9093, "warehouse.properties");
        assertThat(grace(warehouse))
                .as("warehouse: shutdown-timeout (the held batch) + consumers' close")
                .isGreaterThan(loaderConfig.get(LoaderConfig.SHUTDOWN_TIMEOUT).plus(PRODUCER_CLOSE));
        assertThat(container(warehouse).path("env").toString())
                .as("the warehouse URL only from a Secret")
                .contains("SWITCHBOARD_WAREHOUSE_URL", "secretKeyRef", "switchboard-warehouse");
        assertThat(container(warehouse).path("args").toString()).doesNotContain("postgres");
        assertThat(config.get("warehouse.properties").stringPropertyNames())
                .noneMatch(k -> k.contains("password") || k.contains("url"));

        for (String name : List.of(
                "switchboard-tracking-api", "switchboard-router", "switchboard-delivery", "switchboard-warehouse")) {
            assertThat(r.find("PodDisruptionBudget", name)).as("PDB " + name).isPresent();
        }
        JsonNode jobs = pod(r.get("Job", "switchboard-config-apply"));
        assertThat(container(jobs).path("args").toString()).contains("jobs.properties");
    }

    private static void role(JsonNode pod, String role, String portFlag, int port, String properties) {
        JsonNode c = container(pod);
        List<String> args = new ArrayList<>();
        c.path("args").forEach(a -> args.add(a.asText()));
        assertThat(args).as(role + " args").startsWith(role).contains(portFlag + port);
        assertThat(args).contains("--properties=/etc/switchboard/config/" + properties);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode get = c.path(probe).path("httpGet");
            assertThat(get.path("path").asText())
                    .as(role + " " + probe)
                    .isEqualTo(probe.equals("readinessProbe") ? "/readyz" : "/healthz");
            String portName = get.path("port").asText();
            boolean found = false;
            for (JsonNode p : c.path("ports")) {
                found |= (p.path("name").asText().equals(portName)
                                || p.path("containerPort").asText().equals(portName))
                        && p.path("containerPort").asInt() == port;
            }
            assertThat(found).as(role + " " + probe + " on port " + port).isTrue();
        }
        assertThat(pod.path("volumes").toString())
                .as(role + " mounts its own KafkaUser Secret")
                .contains("sb-" + role);
    }

    private static Map<String, Properties> properties(Rendered r) throws IOException {
        JsonNode config = r.ofKind("ConfigMap").stream()
                .filter(c -> Rendered.name(c).startsWith("switchboard-config"))
                .findFirst()
                .orElseThrow();
        Map<String, Properties> out = new HashMap<>();
        var fields = config.path("data").fields();
        while (fields.hasNext()) {
            var e = fields.next();
            Properties p = new Properties();
            p.load(new StringReader(e.getValue().asText()));
            out.put(e.getKey(), p);
        }
        return out;
    }

    private static Map<String, String> map(Properties p) {
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    static JsonNode pod(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    static JsonNode container(JsonNode pod) {
        return pod.path("containers").get(0);
    }

    private static Duration grace(JsonNode pod) {
        return Duration.ofSeconds(pod.path("terminationGracePeriodSeconds").asLong(30));
    }

    private static Duration preStop(JsonNode pod) {
        return Duration.ofSeconds(container(pod)
                .path("lifecycle")
                .path("preStop")
                .path("sleep")
                .path("seconds")
                .asLong(0));
    }

    private static List<String> mountPaths(JsonNode pod) {
        List<String> paths = new ArrayList<>();
        container(pod)
                .path("volumeMounts")
                .forEach(m -> paths.add(m.path("mountPath").asText()));
        return paths;
    }
}
