/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.calls;

import java.util.Locale;
import java.util.Optional;

/** The six Segment calls, with the path names they arrive on (full and analytics.js short forms). */
public enum CallType {
    IDENTIFY("identify", "i"),
    TRACK("track", "t"),
    PAGE("page", "p"),
    SCREEN("screen", "s"),
    GROUP("group", "g"),
    ALIAS("alias", "a");

    private final String wireName;
    private final String shortPath;

    CallType(String wireName, String shortPath) {
        this.wireName = wireName;
        this.shortPath = shortPath;
    }

    /** The value of the {@code type} field, e.g. {@code track}. */
    public String wireName() {
        return wireName;
    }

    /** The six {@code type} values, for messages. */
    public static java.util.List<String> wireNames() {
        return java.util.Arrays.stream(values()).map(CallType::wireName).toList();
    }

    /** The type named by a {@code type} field value, if it is one of the six. */
    public static Optional<CallType> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.toLowerCase(Locale.ROOT);
        for (CallType t : values()) {
            if (t.wireName.equals(v)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type served by a path segment after {@code /v1/}: {@code track} or {@code t}. */
    public static Optional<CallType> fromPath(String segment) {
        for (CallType t : values()) {
            if (t.wireName.equals(segment) || t.shortPath.equals(segment)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
