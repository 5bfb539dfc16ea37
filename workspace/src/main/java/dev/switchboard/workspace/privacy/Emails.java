/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.privacy;

import java.util.regex.Pattern;

/** An email address: a dot-atom local part, {@code @}, a domain of valid labels and a top-level domain of letters. */
final class Emails {

    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private Emails() {}

    static boolean matches(String text) {
        if (text.indexOf('@') <= 0) {
            return false; // most texts: no regular expression run
        }
        String t = text.trim();
        int at = t.indexOf('@');
        return at > 0 && at <= 64 && t.length() <= 254 && ADDRESS.matcher(t).matches();
    }
}
