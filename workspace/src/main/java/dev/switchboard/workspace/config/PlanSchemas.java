/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place tracking-plan schemas are compiled (networknt json-schema-validator): draft-07, as
 * Segment's plans, unless {@code $schema} names 2020-12. Only references inside the schema itself
 * ({@code #/...} or an anchor) are allowed, so nothing is ever fetched from the network.
 */
public final class PlanSchemas {

    private static final String DRAFT_7 = SpecificationVersion.DRAFT_7.getDialectId();
    private static final String DRAFT_2020_12 = SpecificationVersion.DRAFT_2020_12.getDialectId();
    private static final SchemaRegistryConfig CONFIG =
            SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build();
    private static final Map<String, SchemaRegistry> REGISTRIES = Map.of(
            DRAFT_7,
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemaRegistryConfig(CONFIG)),
            DRAFT_2020_12,
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(CONFIG)));

    private PlanSchemas() {}

    /** A schema that cannot be compiled: each message names what is wrong, relative to the schema. */
    public static final class InvalidSchemaException extends Exception {
        private final List<String> problems;

        InvalidSchemaException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Compiles a schema, checked against its dialect's meta-schema and for dangling references. */
    public static Schema compile(JsonNode node) throws InvalidSchemaException {
        if (node == null || !(node.isObject() || node.isBoolean())) {
            throw new InvalidSchemaException(List.of("a schema is an object (or true/false)"));
        }
        String dialect = node.path("$schema").asText(DRAFT_7);
        String normalized = dialect.endsWith("#") ? dialect : dialect + "#";
        SchemaRegistry registry = REGISTRIES.get(DRAFT_7.equals(normalized) ? DRAFT_7 : dialect);
        if (registry == null) {
            throw new InvalidSchemaException(List.of("$schema '" + dialect + "' is not supported; use " + DRAFT_7
                    + " (the default) or " + DRAFT_2020_12));
        }
        List<String> problems = new ArrayList<>();
        refs(node, node, "", problems);
        if (problems.isEmpty() && node.isObject()) {
            Schema meta = registry.getSchema(SchemaLocation.of(DRAFT_7.equals(normalized) ? DRAFT_7 : dialect));
            for (Error e : meta.validate(node)) {
                problems.add(e.getInstanceLocation() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSchemaException(problems);
        }
        try {
            return registry.getSchema(node);
        } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidSchemaException(List.of(String.valueOf(e.getMessage())));
        }
    }

    /** Every {@code $ref} must point into the schema itself: a JSON pointer that exists, or an anchor. */
    private static void refs(JsonNode root, JsonNode node, String at, List<String> problems) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && !resolves(root, ref.asText())) {
                problems.add(at + "/$ref: unknown $ref '" + ref.asText()
                        + "' (only references inside the schema, '#/definitions/...' or '#/$defs/...', are allowed)");
            }
            node.properties().forEach(f -> refs(root, f.getValue(), at + "/" + f.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refs(root, node.get(i), at + "/" + i, problems);
            }
        }
    }

    private static boolean resolves(JsonNode root, String ref) {
        if (ref.equals("#")) {
            return true;
        }
        if (ref.startsWith("#/")) {
            String pointer = java.net.URLDecoder.decode(ref.substring(1), java.nio.charset.StandardCharsets.UTF_8);
            return !root.at(pointer).isMissingNode();
        }
        if (ref.startsWith("#")) {
            return hasAnchor(root, ref.substring(1));
        }
        return false;
    }

    private static boolean hasAnchor(JsonNode node, String anchor) {
        if (node.isObject()) {
            if (anchor.equals(node.path("$anchor").asText(null))
                    || ("#" + anchor).equals(node.path("$id").asText(null))) {
                return true;
            }
            for (var f : node.properties()) {
                if (hasAnchor(f.getValue(), anchor)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                if (hasAnchor(n, anchor)) {
                    return true;
                }
            }
        }
        return false;
    }
}
