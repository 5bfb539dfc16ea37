/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code privacy:} section: matchers with a new name, a known classification and regular expressions
 * that compile; rules for destinations and sources of this workspace, with one known target
 * (classification, pii or field) and a known action; each problem with its line.
 */
final class PrivacyChecks {

    private PrivacyChecks() {}

    static void check(
            ParsedWorkspace parsed, Set<String> sourceIds, Set<String> destinationIds, List<ConfigProblem> problems) {
        PrivacyConfig privacy = parsed.config().privacyRules();
        Set<String> names = new HashSet<>(PrivacyRuleConfig.BUILT_IN_KINDS);
        for (int i = 0; i < privacy.matchers().size(); i++) {
            matcher(parsed, "/privacy/matchers/" + i, privacy.matchers().get(i), names, problems);
        }
        for (int i = 0; i < privacy.rules().size(); i++) {
            rule(parsed, "/privacy/rules/" + i, privacy.rules().get(i), names, sourceIds, destinationIds, problems);
        }
    }

    private static void matcher(
            ParsedWorkspace parsed, String at, PiiMatcherConfig m, Set<String> names, List<ConfigProblem> problems) {
        if (m.name() == null || m.name().isBlank()) {
            problems.add(parsed.problem(at, "a PII matcher needs a 'name'"));
        } else if (!names.add(m.name())) {
            problems.add(parsed.problem(
                    at + "/name", "PII matcher name '" + m.name() + "' is already taken (built-in or above)"));
        }
        classification(parsed, at + "/classification", m.classification(), true, problems);
        if (m.keys().isEmpty() && m.values().isEmpty()) {
            problems.add(parsed.problem(at, "a PII matcher needs 'keys' or 'values' (regular expressions)"));
        }
        for (int v = 0; v < m.values().size(); v++) {
            try {
                Pattern.compile(m.values().get(v));
            } catch (PatternSyntaxException e) {
                problems.add(parsed.problem(
                        at + "/values/" + v,
                        "invalid regular expression: " + e.getDescription() + " at " + e.getIndex()));
            }
        }
    }

    private static void rule(
            ParsedWorkspace parsed,
            String at,
            PrivacyRuleConfig r,
            Set<String> kinds,
            Set<String> sourceIds,
            Set<String> destinationIds,
            List<ConfigProblem> problems) {
        if (r.destination() == null || !destinationIds.contains(r.destination())) {
            problems.add(parsed.problem(
                    at + "/destination",
                    "privacy rule destination '" + r.destination() + "' is not a destination of this workspace; "
                            + "destinations: " + destinationIds));
        }
        if (r.source() != null && !sourceIds.contains(r.source())) {
            problems.add(parsed.problem(
                    at + "/source",
                    "privacy rule source '" + r.source() + "' is not a source of this workspace; sources: "
                            + sourceIds));
        }
        int targets = (r.classification() == null ? 0 : 1) + (r.pii() == null ? 0 : 1) + (r.field() == null ? 0 : 1);
        if (targets != 1) {
            problems.add(parsed.problem(
                    at,
                    "a privacy rule names exactly one of 'classification', 'pii' or 'field'; this one names "
                            + targets));
        }
        if (r.classification() != null) {
            classification(parsed, at + "/classification", r.classification(), false, problems);
        }
        if (r.pii() != null && !kinds.contains(r.pii())) {
            problems.add(parsed.problem(
                    at + "/pii",
                    "unknown PII kind '" + r.pii() + "'; known: "
                            + kinds.stream().sorted().toList()));
        }
        if (r.field() != null && !field(r.field())) {
            problems.add(parsed.problem(
                    at + "/field",
                    "a privacy rule's field is a dot path under one of " + PrivacyRuleConfig.FIELD_ROOTS
                            + " (such as properties.email), got '" + r.field() + "'"));
        }
        if (!PrivacyRuleConfig.ACTIONS.contains(r.action())) {
            problems.add(parsed.problem(
                    at + "/action",
                    "unknown privacy action '" + r.action() + "'; known: " + PrivacyRuleConfig.ACTIONS));
        }
    }

    private static void classification(
            ParsedWorkspace parsed, String at, String value, boolean required, List<ConfigProblem> problems) {
        if (value == null && !required) {
            return;
        }
        if (!PrivacyRuleConfig.CLASSIFICATIONS.contains(value)) {
            problems.add(parsed.problem(
                    at, "unknown classification '" + value + "'; known: " + PrivacyRuleConfig.CLASSIFICATIONS));
        }
    }

    private static boolean field(String path) {
        String[] parts = path.split("\\.", -1);
        if (parts.length < 2 || !PrivacyRuleConfig.FIELD_ROOTS.contains(parts[0])) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
