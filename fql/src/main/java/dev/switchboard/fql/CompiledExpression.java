/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** A parsed expression: its source and its immutable evaluation tree. */
record CompiledExpression(String source, Node root) implements Expression {

    @Override
    public boolean matches(JsonNode event) {
        try {
            return Values.truthy(root.eval(event == null ? MissingNode.getInstance() : event));
        } catch (RuntimeException unexpected) {
            return false;
        }
    }

    @Override
    public JsonNode evaluate(JsonNode event) {
        try {
            JsonNode result = Values.orNull(root.eval(event == null ? MissingNode.getInstance() : event));
            // a list literal is shared by every evaluation: callers get a copy they may mutate
            return result.isContainerNode() ? result.deepCopy() : result;
        } catch (RuntimeException unexpected) {
            // evaluation is total by design; this guard keeps a filter from ever stalling a stream
            return NullNode.getInstance();
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
