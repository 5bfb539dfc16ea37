/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Segment's warehouse naming: every schema, table and column name is the {@code snake_case} of the
 * source id, event name or property path, as Segment's go-snakecase package writes it (ASCII letters
 * and digits kept, a capital starts a word, everything else separates words and is dropped).
 * Identifiers longer than the warehouse allows are cut and end in a hash of the whole name, so two
 * long names never meet; a name with nothing left (only symbols or non-Latin letters) becomes
 * {@code _} and a hash of the original.
 */
public final class Names {

    /** Segment's own tables: an event whose name is one of these gets a table named {@code _<name>}. */
    public static final Set<String> RESERVED_TABLES =
            Set.of("tracks", "identifies", "users", "pages", "screens", "groups", "aliases", "accounts");

    private static final int HASH_CHARS = 8;

    private final int maxIdentifierBytes;

    /** Names for a warehouse whose identifiers are at most {@code maxIdentifierBytes} long (PostgreSQL: 63). */
    public Names(int maxIdentifierBytes) {
        if (maxIdentifierBytes < 2 * HASH_CHARS) {
            throw new IllegalArgumentException("an identifier limit under 16 bytes leaves no room for a name");
        }
        this.maxIdentifierBytes = maxIdentifierBytes;
    }

    /** The schema of a source: its id in snake_case. */
    public String schema(String sourceId) {
        return fit(nonEmpty(snakeCase(sourceId), sourceId));
    }

    /** The table of a track event: {@code order_completed} for "Order Completed". */
    public String eventTable(String eventName) {
        String name = nonEmpty(snakeCase(eventName), eventName);
        return fit(RESERVED_TABLES.contains(name) ? "_" + name : name);
    }

    /** One segment of a property path ({@code "Street Name"} gives {@code street_name}). */
    public String segment(String key) {
        return nonEmpty(snakeCase(key), key);
    }

    /** A column name made of path segments already in snake_case, joined by {@code _} and fitted. */
    public String column(String joinedSegments) {
        return fit(joinedSegments);
    }

    /** {@code name} cut to the identifier limit, ending in {@code _} and 8 hex digits of its hash when cut. */
    public String fit(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= maxIdentifierBytes) {
            return name;
        }
        // Names reach here as ASCII (snake_case keeps nothing else), so chars and bytes agree.
        return name.substring(0, maxIdentifierBytes - HASH_CHARS - 1) + "_" + hash(name);
    }

    private static String nonEmpty(String snake, String original) {
        return snake.isEmpty() ? "_" + hash(original) : snake;
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * go-snakecase, character for character: a leading run of lower-case letters, digits and
     * single underscores before them is kept as it is; after that, each word (a run of capitals
     * and digits, then lower-case letters and digits) is lower-cased and joined by {@code _}, and
     * every other character is dropped.
     */
    public static String snakeCase(String s) {
        int idx = 0;
        int n = s.length();
        while (idx < n
                && (isLower(s.charAt(idx))
                        || isDigit(s.charAt(idx))
                        || (s.charAt(idx) == '_'
                                && idx < n - 1
                                && (isLower(s.charAt(idx + 1)) || isDigit(s.charAt(idx + 1)))))) {
            idx++;
        }
        if (idx == n) {
            return s;
        }
        if (idx > 0 && isDigit(s.charAt(idx - 1))) {
            idx--; // a digit before a capital starts the capital's word
        }
        StringBuilder b = new StringBuilder(n + 8).append(s, 0, idx);
        while (idx < n) {
            if (!isAlphanumeric(s.charAt(idx))) {
                idx++;
                continue;
            }
            if (b.length() > 0) {
                b.append('_');
            }
            while (idx < n && (isUpper(s.charAt(idx)) || isDigit(s.charAt(idx)))) {
                b.append(Character.toLowerCase(s.charAt(idx++)));
            }
            while (idx < n && (isLower(s.charAt(idx)) || isDigit(s.charAt(idx)))) {
                b.append(s.charAt(idx++));
            }
        }
        return b.toString();
    }

    private static boolean isAlphanumeric(char c) {
        return isLower(c) || isUpper(c) || isDigit(c);
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
