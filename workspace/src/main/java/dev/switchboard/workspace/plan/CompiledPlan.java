/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.schemas.avro.ViolationKind;
import dev.switchboard.workspace.config.PlanSchemas;
import dev.switchboard.workspace.config.PlanVersionConfig;
import dev.switchboard.workspace.config.TrackingPlanConfig;
import dev.switchboard.workspace.config.TransformationConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A source's tracking plan, every version's schemas compiled once. {@link #judge} applies the
 * version the event names in {@code context.protocols.event_version} (else the newest): its
 * transformations, then the common schema over the whole event and the event's own schema over its
 * properties (track, page, screen) or traits (identify, group), then the enforcement.
 */
public final class CompiledPlan {

    private final List<String> enforcement;
    private final boolean omitProperties;
    private final boolean blockUnplanned;
    private final boolean blockInvalid;
    private final TreeMap<Integer, PlanVersion> versions;
    private final String forwardViolations;
    private final String forwardBlockedEvents;

    private CompiledPlan(
            List<String> enforcement,
            TreeMap<Integer, PlanVersion> versions,
            String forwardViolations,
            String forwardBlockedEvents) {
        this.forwardViolations = forwardViolations;
        this.forwardBlockedEvents = forwardBlockedEvents;
        this.enforcement = List.copyOf(enforcement);
        this.omitProperties = enforcement.contains("omit-properties");
        this.blockUnplanned = enforcement.contains("block-unplanned");
        this.blockInvalid = enforcement.contains("block-invalid");
        this.versions = versions;
    }

    /**
     * Compiles every schema of every version.
     *
     * @throws PlanSchemas.InvalidSchemaException when a schema does not compile (checked at apply)
     */
    public static CompiledPlan compile(TrackingPlanConfig config) throws PlanSchemas.InvalidSchemaException {
        TreeMap<Integer, PlanVersion> versions = new TreeMap<>();
        for (PlanVersionConfig v : config.versions()) {
            Map<String, Planned> track = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : v.track().entrySet()) {
                track.put(e.getKey(), Planned.of(e.getValue()));
            }
            Map<String, Planned> others = new HashMap<>();
            for (String type : List.of("identify", "group", "page", "screen")) {
                if (v.schemaOf(type) != null) {
                    others.put(type, Planned.of(v.schemaOf(type)));
                }
            }
            Map<String, TransformationConfig> transformations = new HashMap<>();
            v.transformations().forEach(t -> transformations.putIfAbsent(t.event(), t));
            versions.put(
                    v.version(),
                    new PlanVersion(
                            v.version(),
                            v.common() == null ? null : Planned.of(v.common()),
                            Map.copyOf(track),
                            Map.copyOf(others),
                            Map.copyOf(transformations)));
        }
        return new CompiledPlan(
                config.enforcement(),
                versions,
                config.forwardViolations() == null
                        ? null
                        : config.forwardViolations().source(),
                config.forwardBlockedEvents() == null
                        ? null
                        : config.forwardBlockedEvents().source());
    }

    /** The source that gets each violation as a {@code Violation Generated} track call, or null. */
    public String forwardViolations() {
        return forwardViolations;
    }

    /** The source that gets each event this plan blocks, as it came, or null. */
    public String forwardBlockedEvents() {
        return forwardBlockedEvents;
    }

    /** The enforcement options, as written: {@code allow}, {@code omit-properties}, ... */
    public String enforcement() {
        return String.join(",", enforcement);
    }

    /** Judges one event; {@code event} itself is never modified. */
    public Judgment judge(ObjectNode event) {
        PlanVersion version = versionOf(event);
        String type = event.path("type").asText();
        if (version == null || type.equals("alias")) {
            return new Judgment(event, List.of(), version == null ? 0 : version.number(), false);
        }
        ObjectNode json = Transformations.apply(event, type, version.transformations());
        Violations found = new Violations();
        if (version.common() != null) {
            found.validate(version.common(), json, "");
        }
        String field = type.equals("identify") || type.equals("group") ? "traits" : "properties";
        Planned planned = type.equals("track")
                ? version.track().get(json.path("event").asText())
                : version.others().get(type);
        if (type.equals("track") && planned == null) {
            found.unplannedEvent(json.path("event").asText(), version.number());
        } else if (planned != null) {
            JsonNode value = json.get(field);
            found.unplannedProperties(planned, value, "/" + field);
            found.validate(planned, value == null ? json.objectNode() : value, "/" + field);
        }
        if (omitProperties && found.omittable("/" + field)) {
            json = json == event ? event.deepCopy() : json;
            found.omit(json, "/" + field);
        }
        boolean blocked =
                (blockUnplanned && found.has(ViolationKind.UNPLANNED_EVENT)) || (blockInvalid && found.failsSchema());
        return new Judgment(json, found.all(), version.number(), blocked);
    }

    private PlanVersion versionOf(ObjectNode event) {
        JsonNode asked = event.path("context").path("protocols").path("event_version");
        if (asked.canConvertToInt() || asked.isTextual()) {
            try {
                PlanVersion v = versions.get(asked.isTextual() ? Integer.parseInt(asked.asText()) : asked.asInt());
                if (v != null) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // not a version number: judged by the newest, as when none is named
            }
        }
        var newest = versions.lastEntry();
        return newest == null ? null : newest.getValue();
    }

    private record PlanVersion(
            int number,
            Planned common,
            Map<String, Planned> track,
            Map<String, Planned> others,
            Map<String, TransformationConfig> transformations) {}

    /** Builds an event's list of violations; package-private for {@link Planned}. */
    static final class Violations {
        private final List<PlanViolation> all = new ArrayList<>();
        private final List<String> failing = new ArrayList<>();

        void unplannedEvent(String name, int version) {
            all.add(new PlanViolation(
                    "/event", ViolationKind.UNPLANNED_EVENT, "an event of plan version " + version, name));
        }

        void unplannedProperties(Planned planned, JsonNode value, String prefix) {
            if (planned.properties() == null || value == null || !value.isObject()) {
                return;
            }
            for (var it = value.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!planned.properties().contains(key)) {
                    all.add(new PlanViolation(
                            prefix + "/" + Planned.escape(key), ViolationKind.UNPLANNED_PROPERTY, null, key));
                }
            }
        }

        void validate(Planned planned, JsonNode value, String prefix) {
            for (PlanViolation v : planned.validate(value, prefix)) {
                if (v.kind() == ViolationKind.UNPLANNED_PROPERTY && all.contains(v)) {
                    failing.add(v.pointer()); // additionalProperties: false makes it a schema failure too
                    continue;
                }
                all.add(v);
                failing.add(v.pointer());
            }
        }

        boolean has(ViolationKind kind) {
            return all.stream().anyMatch(v -> v.kind() == kind);
        }

        boolean failsSchema() {
            return !failing.isEmpty();
        }

        boolean omittable(String prefix) {
            return all.stream().anyMatch(v -> removable(v, prefix));
        }

        /** Removes from {@code json} every property with a violation; those violations no longer fail. */
        void omit(ObjectNode json, String prefix) {
            for (PlanViolation v : all) {
                if (removable(v, prefix)) {
                    String pointer = Planned.property(v.pointer(), prefix);
                    JsonNode parent = json.at(pointer.substring(0, pointer.lastIndexOf('/')));
                    if (parent instanceof ObjectNode object) {
                        object.remove(Planned.unescape(pointer.substring(pointer.lastIndexOf('/') + 1)));
                    }
                    failing.removeIf(p -> p.equals(pointer) || p.startsWith(pointer + "/"));
                }
            }
        }

        private static boolean removable(PlanViolation v, String prefix) {
            return v.kind() != ViolationKind.REQUIRED_MISSING
                    && v.kind() != ViolationKind.UNPLANNED_EVENT
                    && v.pointer().startsWith(prefix + "/");
        }

        List<PlanViolation> all() {
            return all;
        }
    }
}
