/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The built-in functions, their arity, and their null and wrong-type rules. */
enum FqlFunction {
    CONTAINS("contains", 2, FqlFunction::contains),
    MATCH("match", 2, FqlFunction::match),
    LENGTH("length", 1, args -> length(args.get(0))),
    LOWERCASE("lowercase", 1, args -> text(args.get(0), s -> s.toLowerCase(Locale.ROOT))),
    UPPERCASE("uppercase", 1, args -> text(args.get(0), s -> s.toUpperCase(Locale.ROOT))),
    SNAKECASE("snakecase", 1, args -> text(args.get(0), TextCase::snake)),
    KEBABCASE("kebabcase", 1, args -> text(args.get(0), TextCase::kebab)),
    TITLECASE("titlecase", 1, args -> text(args.get(0), TextCase::title)),
    TYPEOF("typeof", 1, args -> TextNode.valueOf(Values.typeName(args.get(0)))),
    BOOL("bool", 1, args -> Values.toBool(args.get(0))),
    STRING("string", 1, args -> Values.toStringValue(args.get(0))),
    NUMBER("number", 1, args -> Values.toNumber(args.get(0)));

    private final String fqlName;
    private final int arity;
    private final Function<List<JsonNode>, JsonNode> body;

    FqlFunction(String fqlName, int arity, Function<List<JsonNode>, JsonNode> body) {
        this.fqlName = fqlName;
        this.arity = arity;
        this.body = body;
    }

    String fqlName() {
        return fqlName;
    }

    int arity() {
        return arity;
    }

    JsonNode apply(List<JsonNode> args) {
        return body.apply(args);
    }

    static Optional<FqlFunction> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.fqlName.equals(name)).findFirst();
    }

    /** The closest known name within edit distance 2, for "did you mean" hints. */
    static Optional<String> closest(String name) {
        String best = null;
        int bestDistance = 3;
        for (FqlFunction f : values()) {
            int d = distance(name.toLowerCase(Locale.ROOT), f.fqlName);
            if (d < bestDistance) {
                best = f.fqlName;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    private static JsonNode contains(List<JsonNode> args) {
        JsonNode s = args.get(0);
        JsonNode sub = args.get(1);
        return Values.bool(s.isTextual() && sub.isTextual() && s.textValue().contains(sub.textValue()));
    }

    private static JsonNode match(List<JsonNode> args) {
        JsonNode s = args.get(0);
        JsonNode pattern = args.get(1);
        if (!s.isTextual() || !pattern.isTextual()) {
            return Values.bool(false);
        }
        try {
            return Values.bool(Glob.compile(pattern.textValue()).matches(s.textValue()));
        } catch (Glob.BadPattern e) {
            return Values.bool(false);
        }
    }

    private static JsonNode length(JsonNode value) {
        if (Values.isNull(value)) {
            return IntNode.valueOf(0);
        }
        if (value.isTextual()) {
            return IntNode.valueOf(Values.utf8Length(value.textValue()));
        }
        if (value.isArray() || value.isObject()) {
            return IntNode.valueOf(value.size());
        }
        return NullNode.getInstance();
    }

    private static JsonNode text(JsonNode value, UnaryOperator<String> transform) {
        return value.isTextual() ? TextNode.valueOf(transform.apply(value.textValue())) : NullNode.getInstance();
    }
}
