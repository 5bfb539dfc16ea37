/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.privacy;

/**
 * A US Social Security number written {@code AAA-GG-SSSS} or {@code AAA GG SSSS} (one delimiter, not
 * mixed), by the SSA's rules: no area 000, 666 or 900-999, no group 00, no serial 0000. Nine digits
 * without delimiters are found only by key name (by value they are any number).
 */
final class UsSsns {

    private UsSsns() {}

    static boolean matches(String text) {
        String t = text.trim();
        if (t.length() != 11) {
            return false;
        }
        char delimiter = t.charAt(3);
        if (delimiter != '-' && delimiter != ' ' || t.charAt(6) != delimiter) {
            return false;
        }
        String area = t.substring(0, 3);
        String group = t.substring(4, 6);
        String serial = t.substring(7);
        if (!digits(area) || !digits(group) || !digits(serial)) {
            return false;
        }
        return !area.equals("000")
                && !area.equals("666")
                && area.charAt(0) != '9'
                && !group.equals("00")
                && !serial.equals("0000");
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
