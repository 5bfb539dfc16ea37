/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code trackingPlans:} and {@code suppression:} sections: a plan per source of this workspace,
 * known enforcement options, numbered versions, schemas that compile ({@link PlanSchemas}) and
 * transformations that name their event, forwarding to another source of the workspace; each problem
 * with its line.
 */
final class PlanChecks {

    private PlanChecks() {}

    static void check(ParsedWorkspace parsed, Set<String> sourceIds, List<ConfigProblem> problems) {
        Map<String, Integer> planned = new HashMap<>();
        List<TrackingPlanConfig> plans = parsed.config().trackingPlans();
        for (int i = 0; i < plans.size(); i++) {
            TrackingPlanConfig plan = plans.get(i);
            String at = "/trackingPlans/" + i;
            if (plan.source() == null || !sourceIds.contains(plan.source())) {
                problems.add(parsed.problem(
                        at + "/source",
                        "tracking plan source '" + plan.source() + "' is not a source of this workspace; sources: "
                                + sourceIds));
            } else if (planned.putIfAbsent(plan.source(), i) != null) {
                problems.add(parsed.problem(
                        at + "/source",
                        "source '" + plan.source() + "' already has a tracking plan (at line "
                                + parsed.lineOf("/trackingPlans/" + planned.get(plan.source())) + ")"));
            }
            enforcement(parsed, at, plan, problems);
            versions(parsed, at, plan, problems);
            forwarding(parsed, at + "/forwardViolations", plan, plan.forwardViolations(), sourceIds, problems);
            forwarding(parsed, at + "/forwardBlockedEvents", plan, plan.forwardBlockedEvents(), sourceIds, problems);
        }
        SuppressionConfig suppression = parsed.config().suppressionList();
        checkIds(parsed, "/suppression/userIds", suppression.userIds(), problems);
        checkIds(parsed, "/suppression/anonymousIds", suppression.anonymousIds(), problems);
    }

    private static void enforcement(
            ParsedWorkspace parsed, String at, TrackingPlanConfig plan, List<ConfigProblem> problems) {
        for (String e : plan.enforcement()) {
            if (!TrackingPlanConfig.ENFORCEMENTS.contains(e)) {
                problems.add(parsed.problem(
                        at + "/enforcement",
                        "unknown enforcement '" + e + "'; known: " + TrackingPlanConfig.ENFORCEMENTS));
            }
        }
        if (plan.enforcement().contains("allow") && plan.enforcement().size() > 1) {
            problems.add(parsed.problem(at + "/enforcement", "'allow' cannot be combined with another enforcement"));
        }
    }

    private static void forwarding(
            ParsedWorkspace parsed,
            String at,
            TrackingPlanConfig plan,
            ForwardingConfig to,
            Set<String> sourceIds,
            List<ConfigProblem> problems) {
        if (to == null) {
            return;
        }
        if (to.source() == null || !sourceIds.contains(to.source())) {
            problems.add(parsed.problem(
                    at + "/source",
                    "forwarding source '" + to.source() + "' is not a source of this workspace; sources: "
                            + sourceIds));
        } else if (to.source().equals(plan.source())) {
            problems.add(parsed.problem(
                    at + "/source",
                    "source '" + to.source() + "' cannot forward to itself (a loop); forward to another source"));
        }
    }

    private static void versions(
            ParsedWorkspace parsed, String at, TrackingPlanConfig plan, List<ConfigProblem> problems) {
        if (plan.versions().isEmpty()) {
            problems.add(parsed.problem(at, "a tracking plan needs at least one entry in 'versions'"));
        }
        Map<Integer, Integer> numbers = new HashMap<>();
        for (int v = 0; v < plan.versions().size(); v++) {
            PlanVersionConfig version = plan.versions().get(v);
            String vat = at + "/versions/" + v;
            if (version.version() == null || version.version() < 1) {
                problems.add(parsed.problem(vat, "every plan version needs a 'version' number of 1 or more"));
            } else if (numbers.putIfAbsent(version.version(), v) != null) {
                problems.add(parsed.problem(vat + "/version", "duplicate plan version " + version.version()));
            }
            schema(parsed, vat + "/common", version.common(), problems);
            version.track().forEach((name, schema) -> schema(parsed, vat + "/track/" + escape(name), schema, problems));
            for (String type : List.of("identify", "group", "page", "screen")) {
                schema(parsed, vat + "/" + type, version.schemaOf(type), problems);
            }
            for (int t = 0; t < version.transformations().size(); t++) {
                TransformationConfig tr = version.transformations().get(t);
                String tat = vat + "/transformations/" + t;
                if (tr.event() == null || tr.event().isBlank()) {
                    problems.add(parsed.problem(tat, "a transformation names the track 'event' it applies to"));
                }
                if (tr.renameEvent() == null
                        && tr.renameProperties().isEmpty()
                        && tr.dropProperties().isEmpty()) {
                    problems.add(parsed.problem(
                            tat, "a transformation needs renameEvent, renameProperties or dropProperties"));
                }
            }
        }
    }

    private static void schema(ParsedWorkspace parsed, String at, JsonNode schema, List<ConfigProblem> problems) {
        if (schema == null) {
            return;
        }
        try {
            PlanSchemas.compile(schema);
        } catch (PlanSchemas.InvalidSchemaException e) {
            for (String p : e.problems()) {
                problems.add(parsed.problem(at, "invalid JSON Schema: " + p));
            }
        }
    }

    private static void checkIds(ParsedWorkspace parsed, String at, List<String> ids, List<ConfigProblem> problems) {
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || ids.get(i).isBlank()) {
                problems.add(parsed.problem(at + "/" + i, "a suppressed id may not be empty"));
            }
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
