/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random inputs (reproducible: the seed is in each failure message). Garbage must only ever
 * produce an {@link FqlException} with a position inside the source, never another exception and
 * never a hang; grammatical expressions must parse and evaluate against odd events without throwing.
 */
class RandomInputTest {

    private static final long SEED = 20261124L;

    private static final String[] FRAGMENTS = {
        "(",
        ")",
        "[",
        "]",
        ",",
        "'",
        "\"",
        "\\",
        "!",
        "=",
        "!=",
        "<",
        "<=",
        ">",
        ">=",
        "and",
        "or",
        "in",
        "all",
        "null",
        "true",
        "false",
        "contains",
        "match",
        "length",
        "lowercase",
        "typeof",
        "number",
        "string",
        "bool",
        "properties.x",
        "event",
        "type",
        "1",
        "-2.5",
        "'a*[b-c]'",
        "\"x\\\"y\"",
        " ",
        " ",
        ".",
        "-",
        "*",
        "?",
        "[a-",
        "\\ ",
        "é",
        "ア",
        "😀",
        "\u0000",
        "\n"
    };

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void shouldOnlyThrowFqlExceptionWhenInputIsGarbage() {
        Random random = new Random(SEED);
        List<JsonNode> events = events(random);
        int parsed = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            int ok = 0;
            for (int i = 0; i < 20_000; i++) {
                String source = i % 4 == 0 ? randomChars(random) : randomFragments(random);
                ok += checkTotal(source, events, i) ? 1 : 0;
            }
            return ok;
        });
        // both outcomes must be exercised, or the generator has gone stale
        assertThat(parsed).isBetween(500, 19_500);
    }

    @Test
    void shouldParseAndEvaluateWhenExpressionIsGrammatical() {
        Random random = new Random(SEED + 1);
        List<JsonNode> events = events(random);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 5_000; i++) {
                String source = expression(random, 4);
                Expression expression = parseOrFail(source, i);
                for (JsonNode event : events) {
                    assertThatCode(() -> assertThat(expression.evaluate(event)).isNotNull())
                            .as("seed %d #%d: %s on %s", SEED + 1, i, source, event)
                            .doesNotThrowAnyException();
                }
            }
        });
    }

    private static Expression parseOrFail(String source, int i) {
        try {
            return Fql.parse(source);
        } catch (FqlException e) {
            throw new AssertionError("#" + i + " should parse: " + source + " -> " + e.getMessage(), e);
        }
    }

    /** Parses and evaluates; true when the source parsed, false when it was rejected. */
    private static boolean checkTotal(String source, List<JsonNode> events, int i) {
        Expression expression;
        try {
            expression = Fql.parse(source);
        } catch (FqlException e) {
            assertThat(e.position()).as("#%d %s", i, source).isBetween(0, source.length());
            assertThat(e.getMessage()).contains(" at " + e.position());
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("seed " + SEED + " #" + i + " threw " + e + " for: " + source, e);
        }
        for (JsonNode event : events) {
            assertThat(expression.evaluate(event)).as("#%d %s", i, source).isNotNull();
            expression.matches(event);
        }
        return true;
    }

    private static String randomFragments(Random random) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            out.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return out.toString();
    }

    private static String randomChars(Random random) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            out.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
        }
        return out.toString();
    }

    /** A random expression from the grammar; always valid FQL. */
    private static String expression(Random random, int depth) {
        if (depth == 0) {
            return value(random);
        }
        return switch (random.nextInt(8)) {
            case 0 -> expression(random, depth - 1) + " and " + expression(random, depth - 1);
            case 1 -> expression(random, depth - 1) + " or " + expression(random, depth - 1);
            case 2 -> "!" + "(" + expression(random, depth - 1) + ")";
            case 3 -> "(" + expression(random, depth - 1) + ")";
            case 4 -> value(random) + pick(random, " = ", " != ", " < ", " <= ", " > ", " >= ") + value(random);
            case 5 -> value(random) + " in " + pick(random, "['a', 1, null, true]", "[]", "properties.list");
            case 6 -> call(random, depth);
            default -> value(random);
        };
    }

    private static String call(Random random, int depth) {
        String arg = expression(random, depth - 1);
        return switch (random.nextInt(4)) {
            case 0 -> "contains(" + arg + ", " + value(random) + ")";
            case 1 -> "match(" + arg + ", " + pick(random, "'*a?[b-d]\\*'", "properties.s", "'\\\\['") + ")";
            case 2 -> pick(random, "length", "lowercase", "uppercase", "snakecase", "kebabcase") + "(" + arg + ")";
            default -> pick(random, "titlecase", "typeof", "bool", "string", "number") + "(" + arg + ")";
        };
    }

    private static String value(Random random) {
        return pick(
                random,
                "properties.s",
                "properties.n",
                "properties.list",
                "properties",
                "type",
                "event",
                "missing.path",
                "'str'",
                "\"Order Completed\"",
                "42",
                "-0.5",
                "true",
                "null",
                "all",
                "properties.product\\ 1.price",
                "context.library.version");
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static List<JsonNode> events(Random random) {
        List<JsonNode> events = new ArrayList<>();
        events.add(F.objectNode());
        events.add(F.nullNode());
        events.add(F.arrayNode().add(1));
        events.add(F.textNode("not an object"));
        for (int i = 0; i < 8; i++) {
            ObjectNode event = F.objectNode();
            event.set("type", randomValue(random, 1));
            event.set("event", randomValue(random, 1));
            ObjectNode properties = event.putObject("properties");
            for (String key : List.of("s", "n", "list", "product 1")) {
                properties.set(key, randomValue(random, 2));
            }
            events.add(event);
        }
        return events;
    }

    private static JsonNode randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(random.nextBoolean());
            case 2 -> F.numberNode(random.nextInt(100) - 50);
            case 3 -> F.numberNode(random.nextBoolean() ? Double.NaN : random.nextDouble() * 1e300);
            case 4 -> F.numberNode(new java.math.BigDecimal("1e" + (random.nextInt(2000) - 1000)));
            case 5 -> F.textNode(randomFragments(random));
            case 6 -> F.textNode("Order Completed");
            case 7 -> F.arrayNode().add(randomValue(random, depth - 1)).add(randomValue(random, depth - 1));
            default -> F.objectNode().set("price", randomValue(random, depth - 1));
        };
    }
}
