/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalised SHA-256, as the conversion APIs (Facebook, TikTok, Pinterest, Snapchat, Reddit) expect
 * emails and phone numbers: the one implementation behind the mappers' {@code @hash} directive and the
 * router's privacy rules ({@code hash}). Lowercase hex; a value that already is 64 hex digits is taken as
 * hashed and passes lower-cased, so what a source hashed is not hashed twice.
 */
public final class Hashing {

    private static final Pattern HASHED = Pattern.compile("[0-9a-fA-F]{64}");

    private Hashing() {}

    /** How text is normalised before it is hashed. */
    public enum Normalization {
        /** Trimmed and lower-cased. */
        EMAIL("email"),
        /** Trimmed and lower-cased. */
        TRIM_LOWER("trim-lower"),
        /** Lower-cased, every white space removed (Facebook's rule for names, cities and zip codes). */
        LOWER_NO_SPACES("lower-no-spaces"),
        /** The digits only (E.164 without the {@code +}). */
        PHONE("phone"),
        /** {@code +} and the digits (E.164, TikTok's and Reddit's rule); nothing when there are no digits. */
        PHONE_E164("phone-e164"),
        /** The text as it is. */
        NONE("none");

        private final String option;

        Normalization(String option) {
            this.option = option;
        }

        /** The name written in a mapping definition, such as {@code trim-lower}. */
        public String option() {
            return option;
        }

        /** The normalization written {@code option}, else an {@link IllegalArgumentException}. */
        public static Normalization of(String option) {
            for (Normalization n : values()) {
                if (n.option.equals(option)) {
                    return n;
                }
            }
            throw new IllegalArgumentException("unknown normalization '" + option + "'");
        }

        /** {@code text} normalised; may be empty. */
        public String apply(String text) {
            return switch (this) {
                case EMAIL, TRIM_LOWER -> text.trim().toLowerCase(Locale.ROOT);
                case LOWER_NO_SPACES -> text.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
                case PHONE -> text.replaceAll("[^0-9]", "");
                case PHONE_E164 -> {
                    String digits = text.replaceAll("[^0-9]", "");
                    yield digits.isEmpty() ? "" : "+" + digits;
                }
                case NONE -> text;
            };
        }
    }

    /**
     * The lowercase hex SHA-256 of {@code salt} followed by {@code text} normalised, or null when it
     * normalises to empty text (the hash of nothing identifies no one). Already hashed text passes.
     */
    public static String hash(String text, Normalization normalization, String salt) {
        String trimmed = text.trim();
        if (HASHED.matcher(trimmed).matches()) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        String normal = normalization.apply(text);
        return normal.isEmpty() ? null : sha256(salt + normal);
    }

    /** The lowercase hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
