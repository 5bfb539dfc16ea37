/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code privacy:} section: the salt of hashed values, the workspace's own PII matchers, and the
 * rules that say what each destination gets of each kind of personal data. Without rules nothing changes.
 *
 * @param salt prepended to every value before it is hashed (a secret, usually {@code ${ENV}}); empty for none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PrivacyConfig(
        @JsonProperty("salt") String salt,
        @JsonProperty("matchers") List<PiiMatcherConfig> matchers,
        @JsonProperty("rules") List<PrivacyRuleConfig> rules) {

    public static final PrivacyConfig NONE = new PrivacyConfig(null, List.of(), List.of());

    public PrivacyConfig {
        salt = salt == null ? "" : salt;
        matchers = matchers == null ? List.of() : List.copyOf(matchers);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
