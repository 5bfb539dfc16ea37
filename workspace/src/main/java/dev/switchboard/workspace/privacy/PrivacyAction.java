/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.privacy;

import java.util.Locale;

/** What a privacy rule does to a field for one destination. */
public enum PrivacyAction {
    /** The field never reaches the destination. */
    BLOCK,
    /** Letters and digits become {@code *} (the last four kept in values of 12 characters or more). */
    MASK,
    /** The lowercase hex SHA-256 of the workspace's salt and the normalised value. */
    HASH,
    /** Sent as it is, whatever a broader rule says. */
    ALLOW;

    /** The action written {@code option} ({@code block}, ...), or null when there is none. */
    public static PrivacyAction of(String option) {
        for (PrivacyAction a : values()) {
            if (a.name().toLowerCase(Locale.ROOT).equals(option)) {
                return a;
            }
        }
        return null;
    }
}
