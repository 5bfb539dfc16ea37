/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

/**
 * One lexed token. {@code value} is the unescaped String for STRING, the numeric JsonNode for
 * NUMBER, and the {@link PathScanner.Scanned} path for PATH; null otherwise.
 */
record Token(TokenType type, int position, String text, Object value) {

    /** How this token is quoted in error messages. */
    String describe() {
        return switch (type) {
            case EOF -> type.display();
            case STRING -> "string " + abbreviate(text);
            case NUMBER -> "number " + abbreviate(text);
            case PATH -> "'" + abbreviate(text) + "'";
            default -> type.display();
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
