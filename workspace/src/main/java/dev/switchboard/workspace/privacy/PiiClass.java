/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.privacy;

import java.util.Locale;

/** Segment's two classes of personal data. */
public enum PiiClass {
    /** Data that must not leak: SSNs, passwords, payment cards, passports, tokens, bank accounts. */
    RED,
    /** Data that identifies a person: emails, phone numbers, IP addresses, postal addresses, names. */
    YELLOW;

    /** The name written in workspace.yaml: {@code red}, {@code yellow}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class written {@code option}, or null when there is none. */
    public static PiiClass of(String option) {
        for (PiiClass c : values()) {
            if (c.option().equals(option)) {
                return c;
            }
        }
        return null;
    }
}
