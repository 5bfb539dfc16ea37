/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.limits;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body up to a limit without ever holding more than the limit in memory. A body over
 * the limit is read to its end and thrown away (so the client sees the answer instead of a reset
 * connection), unless it declares a length far beyond the limit: then the answer is sent at once
 * and the connection closed after it.
 */
public final class BodyReader {

    /** How a read ended: a body, or too large ({@code closeConnection} when the rest was not read). */
    public interface Callbacks {
        void body(Buffer body);

        void tooLarge(boolean closeConnection);
    }

    private static final int DISCARD_FACTOR = 8;

    private BodyReader() {}

    public static void read(HttpServerRequest request, int limit, Callbacks callbacks) {
        long declared = declaredLength(request);
        if (declared > (long) limit * DISCARD_FACTOR) {
            callbacks.tooLarge(true);
            return;
        }
        Buffer body = Buffer.buffer((int) Math.min(Math.max(declared, 256), limit));
        long[] seen = {0};
        boolean[] state = {declared > limit, false}; // over the limit; answered already
        request.handler(chunk -> {
            seen[0] += chunk.length();
            if (!state[0] && seen[0] > limit) {
                state[0] = true;
            }
            if (!state[0]) {
                body.appendBuffer(chunk);
            } else if (!state[1] && seen[0] > (long) limit * DISCARD_FACTOR) {
                state[1] = true;
                callbacks.tooLarge(true);
            }
        });
        // A client that goes away mid-body ends the exchange; the routing context's end handlers clean up.
        request.exceptionHandler(e -> {});
        request.endHandler(v -> {
            if (state[1]) {
                return;
            }
            if (state[0]) {
                callbacks.tooLarge(false);
            } else {
                callbacks.body(body);
            }
        });
        request.resume();
    }

    private static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
