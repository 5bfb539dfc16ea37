/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.calls;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Writes a call's JSON from the client's own bytes ({@link ScannedCall}): its fields as sent, less
 * the ones named, then fields written anew. Nothing the client sent is parsed into values or written
 * again, so numbers, strings and key order stay as sent. A repeated key is copied each time, and
 * readers keep its last value, as the tree did.
 */
final class CallBytes {

    private byte[] buf;
    private int len;

    /** The fields of {@code call} but those in {@code without}; add fields next. */
    CallBytes(ScannedCall call, Set<String> without) {
        buf = new byte[call.sizeAsSent() + 128];
        buf[len++] = '{';
        byte[] source = call.bytes();
        for (int i = 0; i < call.names().length; i++) {
            if (!without.contains(call.names()[i])) {
                comma();
                append(source, call.from()[i], call.to()[i] - call.from()[i]);
            }
        }
    }

    /** Adds {@code "name":"value"}. */
    CallBytes text(String name, String value) {
        byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(value);
        name(name);
        ensure(quoted.length + 2);
        buf[len++] = '"';
        append(quoted, 0, quoted.length);
        buf[len++] = '"';
        return this;
    }

    /** Adds {@code "name":} and {@code json}, a JSON value's UTF-8 text. */
    CallBytes json(String name, byte[] json) {
        name(name);
        append(json, 0, json.length);
        return this;
    }

    /** Adds the last field called {@code name} of {@code other} as it was sent there. */
    CallBytes copy(ScannedCall other, String name) {
        for (int i = other.names().length - 1; i >= 0; i--) {
            if (other.names()[i].equals(name)) {
                comma();
                append(other.bytes(), other.from()[i], other.to()[i] - other.from()[i]);
                return this;
            }
        }
        throw new IllegalArgumentException("no field " + name);
    }

    String text() {
        ensure(1);
        buf[len++] = '}';
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    private void name(String name) {
        comma();
        ensure(name.length() + 3);
        buf[len++] = '"';
        for (int i = 0; i < name.length(); i++) {
            buf[len++] = (byte) name.charAt(i); // our own field names, all ASCII
        }
        buf[len++] = '"';
        buf[len++] = ':';
    }

    private void comma() {
        if (len > 1) {
            ensure(1);
            buf[len++] = ',';
        }
    }

    private void append(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, buf, len, length);
        len += length;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
