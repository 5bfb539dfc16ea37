/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What one destination (or one connection, with {@code source}) gets of some personal data: the fields of
 * a {@code classification} ({@code red}, {@code yellow}), of one matcher ({@code pii}, such as
 * {@code email}) or one {@code field} (a dot path under {@code properties}, {@code traits} or
 * {@code context}); exactly one of the three. {@code action} is {@code block}, {@code mask}, {@code hash}
 * or {@code allow}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrivacyRuleConfig(
        @JsonProperty("destination") String destination,
        @JsonProperty("source") String source,
        @JsonProperty("classification") String classification,
        @JsonProperty("pii") String pii,
        @JsonProperty("field") String field,
        @JsonProperty("action") String action) {

    /** The actions, as written in the file. */
    public static final List<String> ACTIONS = List.of("block", "mask", "hash", "allow");

    /** The classifications, as written in the file. */
    public static final List<String> CLASSIFICATIONS = List.of("red", "yellow");

    /**
     * The names of the built-in PII kinds ({@code PiiCatalog.BUILT_IN}, in its order; its test holds the two
     * equal): here, so that the checks of this package know them without depending on the detectors.
     */
    public static final List<String> BUILT_IN_KINDS =
            List.of("ssn", "card", "iban", "password", "passport", "token", "email", "phone", "ip", "address", "name");

    /** The roots a {@code field} may start with: where detection looks. */
    public static final List<String> FIELD_ROOTS = List.of("properties", "traits", "context");
}
