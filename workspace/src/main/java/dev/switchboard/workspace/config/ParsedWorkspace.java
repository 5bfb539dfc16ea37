/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import java.util.Map;

/**
 * A workspace as parsed from a file, with the line of every key, so that later checks (such as the
 * destination catalog's settings check) can name the line of what they find.
 */
public record ParsedWorkspace(WorkspaceConfig config, String origin, Map<String, Integer> lines) {

    public ParsedWorkspace {
        lines = Map.copyOf(lines);
    }

    /** A problem at a JSON pointer such as {@code /destinations/0/settings/url}. */
    public ConfigProblem problem(String pointer, String message) {
        return new ConfigProblem(origin, lineOf(pointer), pointer, message);
    }

    /** The line of the pointer, or of its closest ancestor that has one. */
    public int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash <= 0) {
                return lines.getOrDefault("", 0);
            }
            p = p.substring(0, slash);
        }
    }
}
