/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

/**
 * Parses FQL expressions such as {@code type = "track" and event != "Order Completed"}. See the
 * module README for the grammar, operators, functions and null rules.
 */
public final class Fql {

    /** Largest accepted source, in UTF-8 bytes (Segment: "FQL queries are limited to 5 KB"). */
    public static final int MAX_SOURCE_BYTES = 5 * 1024;

    private Fql() {}

    /**
     * Parses an expression. Thread-safe, no I/O; the result can be cached and shared.
     *
     * @throws FqlException with the position and a human-readable reason when the source is not
     *     valid FQL, is empty, or is longer than {@link #MAX_SOURCE_BYTES}
     */
    public static Expression parse(String source) throws FqlException {
        if (source == null) {
            throw new FqlException("expression is null", 0);
        }
        return Parser.parse(source, MAX_SOURCE_BYTES);
    }
}
