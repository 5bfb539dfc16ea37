/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import java.util.regex.Pattern;

/** The rule for ids that become part of topic names (sources and destinations). */
public final class DestinationIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private DestinationIds() {}

    /** Whether {@code id} is usable in a topic name: letters, digits, '_' and '-', at most 100. */
    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
