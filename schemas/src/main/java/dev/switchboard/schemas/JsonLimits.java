/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Limits on the JSON of a call, one set for the edge and the router: the tracking API refuses a body
 * beyond them with a 400 that names the limit, so the router never meets an accepted event it cannot
 * read. Calls are at most 32 KB, so the limits are generous for real events and cut hostile ones
 * short (Jackson's own defaults allow 1,000 levels and 1,000-digit numbers).
 */
public final class JsonLimits {

    /** Levels of nested objects and arrays, the body's own included. */
    public static final int MAX_NESTING_DEPTH = 200;

    /** Characters of one number. */
    public static final int MAX_NUMBER_LENGTH = 200;

    /** Characters of one string (a call is at most 32 KB unless configured otherwise). */
    public static final int MAX_STRING_LENGTH = 1_000_000;

    private JsonLimits() {}

    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build();
    }
}
