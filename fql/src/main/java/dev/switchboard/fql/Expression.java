/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed FQL expression. Implementations are immutable and safe to share across threads, and
 * evaluation never throws on odd data: a value of the wrong type makes a comparison false and a
 * function return null.
 */
public interface Expression {

    /**
     * Whether the event matches: true only when {@link #evaluate(JsonNode)} yields the boolean
     * {@code true}. Strings, numbers, null and missing values never match.
     */
    boolean matches(JsonNode event);

    /**
     * The value of the expression for this event, never Java {@code null}: a missing field or a
     * null result is {@link com.fasterxml.jackson.databind.node.NullNode}.
     */
    JsonNode evaluate(JsonNode event);

    /** The source text this expression was parsed from, exactly as given. */
    String source();
}
