/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Finds the write key of a request, in this order: the HTTP Basic user (the password is ignored; a
 * value without a colon is accepted, as Segment does for backward compatibility), the
 * {@code X-Write-Key} header, then {@code writeKey} in the body (the Java library sends only that;
 * OAuth callers send {@code Bearer} plus the body key).
 */
public final class WriteKeys {

    private WriteKeys() {}

    /** The write key, or null when the request carries none. */
    public static String find(String authorization, String writeKeyHeader, String bodyWriteKey) {
        String basic = basicUser(authorization);
        if (basic != null) {
            return basic;
        }
        if (writeKeyHeader != null && !writeKeyHeader.isBlank()) {
            return writeKeyHeader.trim();
        }
        if (bodyWriteKey != null && !bodyWriteKey.isBlank()) {
            return bodyWriteKey.trim();
        }
        return null;
    }

    /** The user of a {@code Basic} authorization header, or null when absent, another scheme or malformed. */
    static String basicUser(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() < 6
                || !value.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
            return null;
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            return user.isBlank() ? null : user;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
