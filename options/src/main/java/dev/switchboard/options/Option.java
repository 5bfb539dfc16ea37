/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.options;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One typed option: key, parser, the rule a value must keep, default and doc.
 *
 * <pre>{@code
 * static final Option<Duration> DEDUPE_WINDOW = Option.key("switchboard.router.dedupe.window")
 *         .durationType().atLeast(Duration.ofMinutes(1)).defaultValue(Duration.ofHours(24))
 *         .doc("How long a messageId is remembered.");
 * }</pre>
 *
 * <p>A value that breaks the rule fails where it is read, with the key and the rule in the message;
 * rules between two options (a base at most a maximum) stay in the role's config class.
 *
 * @param <T> the value type
 */
public final class Option<T> {

    private final String key;
    private final Function<String, T> parser;
    private final Predicate<T> valid;
    private final String rule;
    private final T defaultValue;
    private final String doc;

    private Option(
            String key, Function<String, T> parser, Predicate<T> valid, String rule, T defaultValue, String doc) {
        this.key = Objects.requireNonNull(key);
        this.parser = parser;
        this.valid = valid;
        this.rule = rule;
        this.defaultValue = defaultValue;
        this.doc = doc;
        if (defaultValue != null && !valid.test(defaultValue)) {
            throw new IllegalStateException("default " + defaultValue + " of " + key + " breaks its rule: " + rule);
        }
    }

    private Option(String key, Function<String, T> parser) {
        this(key, parser, v -> true, "", null, "");
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

    /** The default as a user writes it ({@code 5s}, not {@code PT5S}); empty when there is none. */
    public String defaultText() {
        return defaultValue == null ? "" : written(defaultValue);
    }

    /** What a value must be, e.g. {@code at least 1}; empty when any value of the type is valid. */
    public String rule() {
        return rule;
    }

    /** Parses a text value; the message of the exception names the key and what was expected. */
    public T parse(String text) {
        T value;
        try {
            value = parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid value '" + text + "' for " + key + ": " + e.getMessage(), e);
        }
        if (!valid.test(value)) {
            throw new IllegalArgumentException("invalid value '" + text + "' for " + key + ": must be " + rule);
        }
        return value;
    }

    public Option<T> defaultValue(T value) {
        return new Option<>(key, parser, valid, rule, value, doc);
    }

    public Option<T> doc(String text) {
        return new Option<>(key, parser, valid, rule, defaultValue, text);
    }

    /** Values must pass {@code test}; {@code rule} says what they must be ("must be " + rule). */
    public Option<T> check(Predicate<? super T> test, String rule) {
        Predicate<T> both = valid.and(test::test);
        String rules = this.rule.isEmpty() ? rule : this.rule + " and " + rule;
        return new Option<>(key, parser, both, rules, defaultValue, doc);
    }

    /** Values must be {@code min} or more (numbers, durations: any comparable type). */
    @SuppressWarnings("unchecked")
    public Option<T> atLeast(T min) {
        return check(v -> ((Comparable<T>) v).compareTo(min) >= 0, "at least " + written(min));
    }

    /** Values must be from {@code min} to {@code max}, both included. */
    @SuppressWarnings("unchecked")
    public Option<T> between(T min, T max) {
        return check(
                v -> ((Comparable<T>) v).compareTo(min) >= 0 && ((Comparable<T>) v).compareTo(max) <= 0,
                "from " + written(min) + " to " + written(max));
    }

    /** A value as a user writes it in a property: durations as {@code 500ms}, {@code 5s}, {@code 24h}. */
    private static String written(Object value) {
        if (value instanceof Duration d) {
            long ms = d.toMillis();
            long[] sizes = {86_400_000, 3_600_000, 60_000, 1_000};
            String[] units = {"d", "h", "m", "s"};
            for (int i = 0; i < sizes.length; i++) {
                if (ms >= sizes[i] && ms % sizes[i] == 0) {
                    return ms / sizes[i] + units[i];
                }
            }
            return ms + "ms";
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(java.util.Locale.ROOT);
        }
        return String.valueOf(value);
    }

    /** Chooses the option's type. */
    public static final class Builder {
        private final String key;

        private Builder(String key) {
            this.key = key;
        }

        public Option<String> stringType() {
            return new Option<>(key, s -> s);
        }

        public Option<Integer> intType() {
            return new Option<>(key, Integer::valueOf);
        }

        public Option<Long> longType() {
            return new Option<>(key, Long::valueOf);
        }

        public Option<Boolean> booleanType() {
            return new Option<>(key, Builder::parseBoolean);
        }

        /** ISO-8601 ({@code PT5S}) or a number with a unit: {@code 500ms}, {@code 5s}, {@code 10m}, {@code 24h}, {@code 7d}. */
        public Option<Duration> durationType() {
            return new Option<>(key, s -> {
                Duration d = parseDuration(s);
                if (d.isNegative()) {
                    throw new IllegalArgumentException("a duration cannot be negative");
                }
                return d;
            });
        }

        public <E extends Enum<E>> Option<E> enumType(Class<E> type) {
            String names = java.util.Arrays.stream(type.getEnumConstants())
                    .map(Option::written)
                    .collect(java.util.stream.Collectors.joining(", "));
            return new Option<>(
                    key,
                    s -> Enum.valueOf(type, s.toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                    v -> true,
                    "one of " + names,
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
