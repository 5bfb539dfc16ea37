/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.privacy;

import java.util.Locale;

/**
 * An IBAN: a country's two letters, two check digits and 11 to 30 letters or digits (15 to 34 in all,
 * spaces between groups allowed), whose ISO 7064 mod-97 check is 1.
 */
final class Ibans {

    private Ibans() {}

    static boolean matches(String text) {
        if (text.length() < 15 || text.length() > 50) {
            return false;
        }
        String t = text.trim();
        if (t.isEmpty() || !Character.isLetter(t.charAt(0))) {
            return false;
        }
        t = t.replace(" ", "").toUpperCase(Locale.ROOT);
        if (t.length() < 15 || t.length() > 34) {
            return false;
        }
        if (!letter(t.charAt(0)) || !letter(t.charAt(1)) || !digit(t.charAt(2)) || !digit(t.charAt(3))) {
            return false;
        }
        String rearranged = t.substring(4) + t.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (digit(c)) {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (letter(c)) {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }

    private static boolean letter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
