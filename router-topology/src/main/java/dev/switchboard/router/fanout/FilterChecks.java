/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.fanout;

import dev.switchboard.schemas.config.ConfigProblem;
import dev.switchboard.schemas.config.ConnectionConfig;
import dev.switchboard.schemas.config.ParsedWorkspace;
import java.util.ArrayList;
import java.util.List;

/** Compiles every destination filter of a workspace before it is published, so a bad one is refused at {@code config apply}. */
public final class FilterChecks {

    private FilterChecks() {}

    /** Problems with the filters, each at the line of the filter's key, with the FQL error's position. */
    public static List<ConfigProblem> check(ParsedWorkspace parsed) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<ConnectionConfig> connections = parsed.config().connections();
        for (int i = 0; i < connections.size(); i++) {
            try {
                DestinationFilters.compile(connections.get(i).filters());
            } catch (DestinationFilters.InvalidFilterException e) {
                problems.add(parsed.problem(
                        "/connections/" + i + "/filters/" + e.index() + "/" + e.field(),
                        "invalid filter: " + e.getMessage()));
            }
        }
        return problems;
    }
}
