/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The KEDA fields the manifests use (keda.sh/v1alpha1 ScaledObject and TriggerAuthentication, KEDA
 * 2.x, and the Kafka scaler's metadata), with their types: anything else is an error, as the CRD's
 * structural schema and the scaler's parser would refuse it.
 */
final class KedaSchema {

    private static final Set<String> SCALED_OBJECT_SPEC = Set.of(
            "scaleTargetRef", "minReplicaCount", "maxReplicaCount", "pollingInterval", "cooldownPeriod", "triggers");
    private static final Set<String> SCALE_TARGET = Set.of("apiVersion", "kind", "name");
    private static final Set<String> TRIGGER = Set.of("type", "metadata", "authenticationRef");
    /** The Kafka scaler's metadata keys (keda.sh/docs/2.x/scalers/apache-kafka), all strings. */
    private static final Set<String> KAFKA_METADATA = Set.of(
            "bootstrapServers",
            "consumerGroup",
            "topic",
            "lagThreshold",
            "activationLagThreshold",
            "offsetResetPolicy",
            "allowIdleConsumers",
            "scaleToZeroOnInvalidOffset",
            "excludePersistentLag",
            "limitToPartitionsWithLag",
            "sasl",
            "tls");

    private static final Set<String> SECRET_TARGET_REF = Set.of("parameter", "name", "key");
    /** The Kafka scaler's authentication parameters. */
    private static final Set<String> KAFKA_AUTH_PARAMETERS =
            Set.of("sasl", "username", "password", "tls", "ca", "cert", "key", "keyPassword");

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Map<String, Set<String>> TOP = Map.of(
            "ScaledObject", Set.of("apiVersion", "kind", "metadata", "spec"),
            "TriggerAuthentication", Set.of("apiVersion", "kind", "metadata", "spec"));

    private KedaSchema() {}

    static List<String> problems(JsonNode r) {
        List<String> p = new ArrayList<>();
        String id = Rendered.id(r);
        String kind = r.path("kind").asText();
        if (!"keda.sh/v1alpha1".equals(r.path("apiVersion").asText()) || !TOP.containsKey(kind)) {
            return List.of(id + ": no KEDA schema for " + r.path("apiVersion").asText() + "/" + kind);
        }
        only(r, TOP.get(kind), id, p);
        only(r.path("metadata"), Set.of("name", "namespace", "labels", "annotations"), id + ".metadata", p);
        JsonNode spec = r.path("spec");
        if (kind.equals("ScaledObject")) {
            only(spec, SCALED_OBJECT_SPEC, id + ".spec", p);
            only(spec.path("scaleTargetRef"), SCALE_TARGET, id + ".spec.scaleTargetRef", p);
            required(spec.path("scaleTargetRef"), "name", id + ".spec.scaleTargetRef", p);
            for (String f : List.of("minReplicaCount", "maxReplicaCount", "pollingInterval", "cooldownPeriod")) {
                if (spec.has(f) && !spec.get(f).isInt()) {
                    p.add(id + ".spec." + f + ": must be an integer");
                }
            }
            if (!spec.path("triggers").isArray() || spec.path("triggers").isEmpty()) {
                p.add(id + ".spec.triggers: at least one trigger");
            }
            int i = 0;
            for (JsonNode t : spec.path("triggers")) {
                String at = id + ".spec.triggers[" + i++ + "]";
                only(t, TRIGGER, at, p);
                if (!"kafka".equals(t.path("type").asText())) {
                    p.add(at + ".type: only the kafka scaler is described");
                }
                only(t.path("authenticationRef"), Set.of("name", "kind"), at + ".authenticationRef", p);
                JsonNode m = t.path("metadata");
                only(m, KAFKA_METADATA, at + ".metadata", p);
                for (String f : List.of("bootstrapServers", "consumerGroup", "lagThreshold")) {
                    required(m, f, at + ".metadata", p);
                }
                m.fields().forEachRemaining(e -> {
                    if (!e.getValue().isTextual()) {
                        p.add(at + ".metadata." + e.getKey() + ": must be a string");
                    }
                });
                for (String f : List.of("lagThreshold", "activationLagThreshold")) {
                    if (m.has(f) && !NUMBER.matcher(m.get(f).asText()).matches()) {
                        p.add(at + ".metadata." + f + ": must be a whole number");
                    }
                }
                if (m.has("offsetResetPolicy")
                        && !Set.of("earliest", "latest")
                                .contains(m.get("offsetResetPolicy").asText())) {
                    p.add(at + ".metadata.offsetResetPolicy: earliest or latest");
                }
            }
        } else {
            only(spec, Set.of("secretTargetRef"), id + ".spec", p);
            int i = 0;
            for (JsonNode ref : spec.path("secretTargetRef")) {
                String at = id + ".spec.secretTargetRef[" + i++ + "]";
                only(ref, SECRET_TARGET_REF, at, p);
                SECRET_TARGET_REF.forEach(f -> required(ref, f, at, p));
                if (!KAFKA_AUTH_PARAMETERS.contains(ref.path("parameter").asText())) {
                    p.add(at + ".parameter: not a Kafka scaler parameter: " + ref.path("parameter"));
                }
            }
        }
        return p;
    }

    private static void only(JsonNode node, Set<String> allowed, String at, List<String> p) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                p.add(at + ": unknown field " + f);
            }
        }
    }

    private static void required(JsonNode node, String field, String at, List<String> p) {
        if (!node.hasNonNull(field) || node.get(field).asText().isBlank()) {
            p.add(at + ": " + field + " is required");
        }
    }
}
