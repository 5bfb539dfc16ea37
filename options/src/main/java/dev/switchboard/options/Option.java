/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.options;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * One typed option: key, parser, default and doc.
 *
 * <pre>{@code
 * static final Option<Duration> DEDUPE_WINDOW = Option.key("switchboard.router.dedupe.window")
 *         .durationType().defaultValue(Duration.ofHours(24)).doc("How long a messageId is remembered.");
 * }</pre>
 *
 * @param <T> the value type
 */
public final class Option<T> {

    private final String key;
    private final Function<String, T> parser;
    private final T defaultValue;
    private final String doc;

    private Option(String key, Function<String, T> parser, T defaultValue, String doc) {
        this.key = Objects.requireNonNull(key);
        this.parser = parser;
        this.defaultValue = defaultValue;
        this.doc = doc;
    }

    public static Builder key(String key) {
        return new Builder(key);
    }

    public String key() {
        return key;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String doc() {
        return doc;
    }

    /** Parses a text value; the message of the exception names the key and what was expected. */
    public T parse(String text) {
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid value '" + text + "' for " + key + ": " + e.getMessage(), e);
        }
    }

    public Option<T> defaultValue(T value) {
        return new Option<>(key, parser, value, doc);
    }

    public Option<T> doc(String text) {
        return new Option<>(key, parser, defaultValue, text);
    }

    /** Chooses the option's type. */
    public static final class Builder {
        private final String key;

        private Builder(String key) {
            this.key = key;
        }

        public Option<String> stringType() {
            return new Option<>(key, s -> s, null, "");
        }

        public Option<Integer> intType() {
            return new Option<>(key, Integer::valueOf, null, "");
        }

        public Option<Long> longType() {
            return new Option<>(key, Long::valueOf, null, "");
        }

        public Option<Boolean> booleanType() {
            return new Option<>(key, Builder::parseBoolean, null, "");
        }

        /** ISO-8601 ({@code PT5S}) or a number with a unit: {@code 500ms}, {@code 5s}, {@code 10m}, {@code 24h}, {@code 7d}. */
        public Option<Duration> durationType() {
            return new Option<>(key, Builder::parseDuration, null, "");
        }

        public <E extends Enum<E>> Option<E> enumType(Class<E> type) {
            return new Option<>(
                    key,
                    s -> Enum.valueOf(type, s.toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                    null,
                    "");
        }

        private static boolean parseBoolean(String s) {
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false")) {
                return false;
            }
            throw new IllegalArgumentException("expected true or false");
        }

        /** A duration as options write it: 500ms, 5s, 10m, 24h, 7d or ISO-8601 (PT5S). */
        public static Duration parseDuration(String s) {
            if (s.startsWith("P") || s.startsWith("p")) {
                return Duration.parse(s);
            }
            var m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(s);
            if (!m.matches()) {
                throw new IllegalArgumentException("expected a duration such as 500ms, 5s, 10m, 24h, 7d or PT5S");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
    }
}
