/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.calls;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One call object as {@link BodyParser} read it, in one pass: the client's bytes, where each top-level
 * field lies in them, and those fields as a shallow tree for {@code CallRules} (the tree is the call's
 * own, so the splitter may change it). The {@code properties} and {@code traits} objects, whose
 * insides no rule reads, are empty placeholders in the tree: the payload is written from the bytes
 * ({@link CallBytes}), not from the tree.
 *
 * <p>{@code names[i]} is the i-th field as sent (a repeated key appears each time); its text, from
 * the opening quote of its name to the end of its value, is {@code bytes[from[i], to[i])}.
 */
public record ScannedCall(byte[] bytes, int start, int end, ObjectNode fields, String[] names, int[] from, int[] to) {

    /** The call's size in bytes as the client sent it, braces included. */
    public int sizeAsSent() {
        return end - start;
    }
}
