/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.switchboard.schemas.avro.ViolationKind;
import dev.switchboard.workspace.config.PlanSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One compiled schema of a plan and the property names it plans (null when it plans any: no
 * {@code properties} keyword, or {@code patternProperties}); its errors as {@link PlanViolation}s.
 */
record Planned(Schema schema, Set<String> properties) {

    private static final int MAX_ACTUAL = 200;

    static Planned of(JsonNode node) throws PlanSchemas.InvalidSchemaException {
        Set<String> names = null;
        JsonNode props = node.get("properties");
        if (props != null && props.isObject() && !node.has("patternProperties")) {
            Set<String> found = new java.util.HashSet<>();
            props.fieldNames().forEachRemaining(found::add);
            names = Set.copyOf(found);
        }
        return new Planned(PlanSchemas.compile(node), names);
    }

    /** The violations of {@code value}, with pointers from the event's root ({@code prefix} first). */
    List<PlanViolation> validate(JsonNode value, String prefix) {
        List<Error> errors = schema.validate(value);
        if (errors.isEmpty()) {
            return List.of();
        }
        List<PlanViolation> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String at = prefix + pointer(e);
            String keyword = e.getKeyword() == null ? "" : e.getKeyword();
            JsonNode expected = e.getSchemaNode();
            switch (keyword) {
                case "required" ->
                    out.add(new PlanViolation(
                            at + "/" + escape(e.getProperty()), ViolationKind.REQUIRED_MISSING, "required", null));
                case "additionalProperties" ->
                    out.add(new PlanViolation(
                            at + "/" + escape(e.getProperty()),
                            ViolationKind.UNPLANNED_PROPERTY,
                            null,
                            e.getProperty()));
                case "type" ->
                    out.add(new PlanViolation(
                            at, ViolationKind.TYPE_MISMATCH, "type: " + text(expected), typeOf(e.getInstanceNode())));
                default ->
                    out.add(new PlanViolation(
                            at,
                            ViolationKind.INVALID_VALUE,
                            keyword + ": " + text(expected),
                            text(e.getInstanceNode())));
            }
        }
        return out;
    }

    private static String pointer(Error e) {
        String p =
                e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        return p.equals("/") ? "" : p;
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        String s = node.isTextual() ? node.asText() : node.toString();
        return s.length() > MAX_ACTUAL ? s.substring(0, MAX_ACTUAL) + "..." : s;
    }

    private static String typeOf(JsonNode node) {
        if (node == null) {
            return null;
        }
        return switch (node.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> node.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /**
     * The pointer of the property to omit for a violation at {@code pointer}: an array element's
     * whole array, as an element cannot be removed without moving the others.
     */
    static String property(String pointer, String prefix) {
        String p = pointer;
        while (p.length() > prefix.length() + 1
                && p.substring(p.lastIndexOf('/') + 1).matches("\\d+")) {
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return p;
    }

    static String escape(String key) {
        return key == null ? "" : key.replace("~", "~0").replace("/", "~1");
    }

    static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
