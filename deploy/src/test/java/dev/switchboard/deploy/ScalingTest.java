/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.schemas.Topics;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * overlays/prod scales what it should on what it should: the router and delivery on their own
 * groups' lag, at most as many replicas as partitions to share, one trigger per destination of the
 * workspace; the tracking API on CPU.
 */
class ScalingTest {

    @Test
    void shouldScaleTheRouterOnItsGroupsLagUpToItsPartitionsWhenRendered() throws IOException {
        Rendered prod = Rendered.of("overlays/prod");
        JsonNode router = prod.get("ScaledObject", "switchboard-router").path("spec");
        assertThat(router.path("scaleTargetRef").path("kind").asText()).isEqualTo("StatefulSet");
        assertThat(prod.find(
                        "StatefulSet",
                        router.path("scaleTargetRef").path("name").asText()))
                .isPresent();
        JsonNode trigger = router.path("triggers").get(0).path("metadata");
        assertThat(trigger.path("consumerGroup").asText()).isEqualTo(CodeFacts.routerApplicationId());
        assertThat(trigger.path("topic").asText()).isEqualTo(Topics.INGEST_RAW.name());
        assertThat(trigger.has("lagThreshold") && trigger.has("activationLagThreshold"))
                .isTrue();

        int partitions = prod.get("KafkaTopic", "sb-ingest-raw")
                .path("spec")
                .path("partitions")
                .asInt();
        int threads = RouterConfig.from(properties(prod, "router.properties")).get(RouterConfig.THREADS);
        assertThat(router.path("maxReplicaCount").asInt())
                .as("router replicas beyond partitions / threads per pod get no task")
                .isBetween(router.path("minReplicaCount").asInt(), partitions / threads);
    }

    @Test
    void shouldScaleDeliveryOnEveryDestinationGroupUpToItsPartitionsWhenRendered() throws IOException {
        Rendered prod = Rendered.of("overlays/prod");
        JsonNode delivery = prod.get("ScaledObject", "switchboard-delivery").path("spec");
        assertThat(delivery.path("scaleTargetRef").path("name").asText()).isEqualTo("switchboard-delivery");

        Set<String> expected = new HashSet<>();
        JsonNode workspace = Rendered.YAML.readTree(Files.readString(Kustomize.DEPLOY.resolve("base/workspace.yaml")));
        workspace.path("destinations").forEach(d -> {
            String id = d.path("id").asText();
            expected.add(CodeFacts.groupOf(id) + " " + Topics.destination(id).name());
        });
        Set<String> triggers = new HashSet<>();
        delivery.path("triggers")
                .forEach(t ->
                        triggers.add(t.path("metadata").path("consumerGroup").asText() + " "
                                + t.path("metadata").path("topic").asText()));
        assertThat(triggers).as("one trigger per destination: group and topic").isEqualTo(expected);

        int partitions = Integer.parseInt(
                Args.of(prod.get("Job", "switchboard-config-apply")).value("--partitions"));
        assertThat(delivery.path("maxReplicaCount").asInt())
                .as("delivery replicas beyond the partitions of sb.dest.<id> get none")
                .isBetween(delivery.path("minReplicaCount").asInt(), partitions);
    }

    @Test
    void shouldScaleTheTrackingApiOnCpuWhenRendered() {
        JsonNode hpa = Rendered.of("overlays/prod")
                .get("HorizontalPodAutoscaler", "switchboard-tracking-api")
                .path("spec");
        assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo("switchboard-tracking-api");
        assertThat(hpa.path("metrics").get(0).path("resource").path("name").asText())
                .isEqualTo("cpu");
    }

    private static Map<String, String> properties(Rendered r, String file) throws IOException {
        JsonNode config = r.ofKind("ConfigMap").stream()
                .filter(c -> Rendered.name(c).startsWith("switchboard-config"))
                .findFirst()
                .orElseThrow();
        Properties p = new Properties();
        p.load(new StringReader(config.path("data").path(file).asText()));
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }
}
