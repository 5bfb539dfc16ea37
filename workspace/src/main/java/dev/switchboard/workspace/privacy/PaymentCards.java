/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.privacy;

/**
 * A payment card number: 13 to 19 digits, grouped by spaces or by dashes (not both), starting with a
 * card network's prefix (Visa, Mastercard, American Express, Discover, JCB, Diners Club, UnionPay,
 * Maestro) and passing the Luhn check.
 */
final class PaymentCards {

    private PaymentCards() {}

    static boolean matches(String text) {
        String t = text.trim();
        if (t.length() < 13 || t.length() > 23 || t.charAt(0) < '0' || t.charAt(0) > '9') {
            return false;
        }
        if (t.indexOf(' ') >= 0 && t.indexOf('-') >= 0) {
            return false;
        }
        StringBuilder digits = new StringBuilder(19);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' || i == 0 || i == t.length() - 1) {
                return false;
            }
        }
        String d = digits.toString();
        return d.length() >= 13 && d.length() <= 19 && knownPrefix(d) && luhn(d);
    }

    private static boolean knownPrefix(String d) {
        int two = Integer.parseInt(d.substring(0, 2));
        int four = Integer.parseInt(d.substring(0, 4));
        return d.charAt(0) == '4' // Visa
                || two >= 51 && two <= 55
                || four >= 2221 && four <= 2720 // Mastercard
                || two == 34
                || two == 37 // American Express
                || four == 6011
                || two == 65
                || four >= 6440 && four <= 6499 // Discover
                || two == 35 // JCB
                || two == 36
                || two == 38
                || four >= 3000 && four <= 3059 // Diners Club
                || two == 62 // UnionPay
                || two == 50
                || two >= 56 && two <= 58
                || four == 6304
                || four == 6759
                || four == 6761
                || four == 6762
                || four == 6763; // Maestro
    }

    /** The Luhn (mod 10) check of a string of digits. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int n = digits.charAt(i) - '0';
            if (twice) {
                n *= 2;
                if (n > 9) {
                    n -= 9;
                }
            }
            sum += n;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
