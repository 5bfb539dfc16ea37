/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A destination filter on a connection (Segment's model, segment-spec §4.6): a condition in FQL and
 * one action. Whatever their order in the file, a connection's filters apply as Sample, then Drop,
 * then Drop Properties, then Allow Properties.
 *
 * @param name optional label (at most 64 characters)
 * @param condition the FQL condition ({@code if:}); {@code all} matches every event
 * @param drop drop matching events
 * @param sample keep this fraction (0 to 1) of matching events, chosen deterministically
 * @param samplePath the field whose value decides the sample (default: userId, else anonymousId)
 * @param dropProperties remove these keys of matching events: object path → keys ({@code ""} is the top level)
 * @param allowProperties keep only these keys of the named objects of matching events
 * @param enabledFlag filters are enabled unless {@code enabled: false}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilterConfig(
        @JsonProperty("name") String name,
        @JsonProperty("if") String condition,
        @JsonProperty("drop") Boolean drop,
        @JsonProperty("sample") Double sample,
        @JsonProperty("samplePath") String samplePath,
        @JsonProperty("dropProperties") Map<String, List<String>> dropProperties,
        @JsonProperty("allowProperties") Map<String, List<String>> allowProperties,
        @JsonProperty("enabled") Boolean enabledFlag) {

    /** The most filters one connection may have, as at Segment. */
    public static final int MAX_PER_CONNECTION = 10;

    /** The actions, in the order they apply. */
    public enum Action {
        SAMPLE,
        DROP,
        DROP_PROPERTIES,
        ALLOW_PROPERTIES
    }

    public boolean enabled() {
        return enabledFlag == null || enabledFlag;
    }

    /** The actions this filter names (a valid filter names exactly one). */
    public List<Action> actions() {
        java.util.ArrayList<Action> actions = new java.util.ArrayList<>();
        if (sample != null) {
            actions.add(Action.SAMPLE);
        }
        if (Boolean.TRUE.equals(drop)) {
            actions.add(Action.DROP);
        }
        if (dropProperties != null) {
            actions.add(Action.DROP_PROPERTIES);
        }
        if (allowProperties != null) {
            actions.add(Action.ALLOW_PROPERTIES);
        }
        return actions;
    }
}
