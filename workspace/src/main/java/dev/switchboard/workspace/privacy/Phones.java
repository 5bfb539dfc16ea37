/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * A phone number written in international form ({@code +} and the country code), valid for its country
 * by libphonenumber's metadata. A national number (no {@code +}) is found only by its key name: by value
 * alone it cannot be told from an order number.
 */
final class Phones {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String PHONE_CHARS = "0123456789+-(). ";

    private Phones() {}

    static boolean matches(String text) {
        String t = text.trim();
        if (!t.startsWith("+") || t.length() < 8 || t.length() > 30) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (PHONE_CHARS.indexOf(t.charAt(i)) < 0) {
                return false;
            }
        }
        try {
            return PHONES.isValidNumber(PHONES.parse(t, "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
