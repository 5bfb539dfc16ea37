/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation tree. Every node is an immutable record; {@link #eval} never returns Java null
 * (missing and null values are NullNode) and never throws on odd data.
 */
sealed interface Node {

    JsonNode eval(JsonNode event);

    /** A constant: string, number, bool, null or list literal. */
    record Literal(JsonNode value) implements Node {
        @Override
        public JsonNode eval(JsonNode event) {
            return value;
        }
    }

    /** A field reference; missing evaluates to null. */
    record Field(FieldPath path) implements Node {
        @Override
        public JsonNode eval(JsonNode event) {
            return Values.orNull(path.get(event));
        }
    }

    /** {@code !x}: true unless x is the boolean true. */
    record Not(Node operand) implements Node {
        @Override
        public JsonNode eval(JsonNode event) {
            return Values.bool(!Values.truthy(operand.eval(event)));
        }
    }

    /** {@code and}, short-circuit; only boolean true counts as true. */
    record And(Node left, Node right) implements Node {
        @Override
        public JsonNode eval(JsonNode event) {
            return Values.bool(Values.truthy(left.eval(event)) && Values.truthy(right.eval(event)));
        }
    }

    /** {@code or}, short-circuit; only boolean true counts as true. */
    record Or(Node left, Node right) implements Node {
        @Override
        public JsonNode eval(JsonNode event) {
            return Values.bool(Values.truthy(left.eval(event)) || Values.truthy(right.eval(event)));
        }
    }

    /** The comparison operators. */
    enum Op {
        EQ,
        NEQ,
        LT,
        LTE,
        GT,
        GTE
    }

    /** {@code = != < <= > >=}; ordering is for numbers only, anything else is false. */
    record Compare(Op op, Node left, Node right) implements Node {
        @Override
        public JsonNode eval(JsonNode event) {
            JsonNode l = left.eval(event);
            JsonNode r = right.eval(event);
            if (op == Op.EQ || op == Op.NEQ) {
                return Values.bool(Values.strictEquals(l, r) == (op == Op.EQ));
            }
            Integer cmp = Values.compareNumbers(l, r);
            if (cmp == null) {
                return Values.bool(false);
            }
            return Values.bool(
                    switch (op) {
                        case LT -> cmp < 0;
                        case LTE -> cmp <= 0;
                        case GT -> cmp > 0;
                        default -> cmp >= 0;
                    });
        }
    }

    /** {@code x in list}: the right side is a list literal or a list-valued field. */
    record In(Node needle, Node haystack) implements Node {
        @Override
        public JsonNode eval(JsonNode event) {
            JsonNode list = haystack.eval(event);
            if (!list.isArray()) {
                return Values.bool(false);
            }
            JsonNode value = needle.eval(event);
            for (JsonNode element : list) {
                if (Values.strictEquals(value, element)) {
                    return Values.bool(true);
                }
            }
            return Values.bool(false);
        }
    }

    /** A function call with its arguments evaluated left to right. */
    record Call(FqlFunction function, List<Node> args) implements Node {
        @Override
        public JsonNode eval(JsonNode event) {
            List<JsonNode> values = new ArrayList<>(args.size());
            for (Node arg : args) {
                values.add(Values.orNull(arg.eval(event)));
            }
            return function.apply(values);
        }
    }

    /** {@code match(x, 'literal glob')}, compiled once at parse time. */
    record Match(Node subject, Glob glob) implements Node {
        @Override
        public JsonNode eval(JsonNode event) {
            JsonNode s = subject.eval(event);
            return Values.bool(s.isTextual() && glob.matches(s.textValue()));
        }
    }
}
