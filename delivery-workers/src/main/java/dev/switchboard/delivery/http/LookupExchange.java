/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.mappers.api.Lookup;
import dev.switchboard.schemas.avro.LookupCall;
import dev.switchboard.schemas.avro.LookupSpec;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The two calls of a request with a lookup ({@code DestinationRequest.lookup}), as one attempt: the read,
 * then the request with the value found in its URL, or the lookup's {@code otherwise} call when nothing is
 * found. One request timeout bounds both, and the result is what the status table judges:
 *
 * <ul>
 *   <li>the read failed (no answer, a 5xx or 429, a 401 or other 4xx not listed in {@code notFound}): the
 *       read's own result, its error naming the read, so a retry repeats the whole exchange and a dead
 *       letter keeps the vendor's words;
 *   <li>the read answered 2xx with a body that is no JSON: FATAL {@link #LOOKUP_UNREADABLE};
 *   <li>otherwise the write's result, latency counted from the read; a write status listed in the lookup's
 *       {@code retry} (Intercom's 409 for a contact its search has not indexed yet) is RETRYABLE
 *       {@link #LOOKUP_RETRY}.
 * </ul>
 *
 * <p>The value is found when {@code found} reaches exactly one text or number (Intercom's
 * {@code $.data[*].id}: one contact, as Segment's {@code total_count === 1}); none, several, or a read
 * status listed in {@code notFound} mean not found.
 */
public final class LookupExchange {

    /** Error class of a 2xx read whose body is not JSON (or cannot be walked by {@code found}). */
    public static final String LOOKUP_UNREADABLE = "lookup_unreadable";
    /** Error class of a write answer the lookup lists in {@code retry}. */
    public static final String LOOKUP_RETRY = "lookup_retry";

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpSender sender;

    public LookupExchange(HttpSender sender) {
        this.sender = sender;
    }

    /**
     * Sends the lookup of {@code spec}, then {@code found} (the request as assembled, its URL holding the
     * marker) or the {@code otherwise} call; the future always completes normally.
     */
    public CompletableFuture<HttpResult> send(LookupSpec spec, HttpCall found) {
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        HttpCall read = call(spec.getRequest(), null);
        return sender.send(read, startedAt, startNanos).thenCompose(answer -> {
            Optional<Optional<String>> value = value(spec, answer);
            if (value.isEmpty()) {
                return CompletableFuture.completedFuture(readFailed(read, answer));
            }
            HttpCall write = value.get().isPresent()
                    ? withValue(found, value.get().get())
                    : call(spec.getOtherwise(), idempotencyKey(found));
            return sender.send(write, startedAt, startNanos).thenApply(result -> judged(spec, write, result));
        });
    }

    /**
     * What the read says: a value, nothing found, or (empty) no verdict, when the read failed and its result
     * is the attempt's.
     */
    private static Optional<Optional<String>> value(LookupSpec spec, HttpResult answer) {
        if (answer.status() == null) {
            return Optional.empty();
        }
        if (spec.getNotFound().contains(answer.status())) {
            return Optional.of(Optional.empty());
        }
        if (answer.status() < 200 || answer.status() >= 300) {
            return Optional.empty();
        }
        Optional<List<JsonNode>> nodes =
                FailedIndexes.json(answer.body()).flatMap(root -> FailedIndexes.select(root, spec.getFound()));
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode> found = nodes.get();
        boolean one = found.size() == 1
                && (found.get(0).isNumber()
                        || (found.get(0).isTextual() && !found.get(0).asText().isEmpty()));
        return Optional.of(one ? Optional.of(found.get(0).asText()) : Optional.empty());
    }

    /** The read's result as the attempt's, its error saying which call answered. */
    private static HttpResult readFailed(HttpCall read, HttpResult answer) {
        String what = "lookup " + read.method() + " " + read.url();
        if (answer.status() == null) {
            return HttpResult.failure(
                    answer.errorClass(), what + ": " + answer.error(), answer.startedAt(), answer.latencyMs());
        }
        boolean unreadable = answer.status() >= 200 && answer.status() < 300;
        return new HttpResult(
                answer.status(),
                answer.headers(),
                answer.body(),
                unreadable ? LOOKUP_UNREADABLE : null,
                unreadable
                        ? what + " answered a body that is not JSON or not shaped as found reads"
                        : what + " answered " + answer.status(),
                answer.startedAt(),
                answer.latencyMs());
    }

    private static HttpResult judged(LookupSpec spec, HttpCall write, HttpResult result) {
        if (result.status() == null || !spec.getRetry().contains(result.status())) {
            return result;
        }
        return new HttpResult(
                result.status(),
                result.headers(),
                result.body(),
                LOOKUP_RETRY,
                write.method() + " " + write.url() + " answered " + result.status()
                        + ", which the lookup retries (the read may not see the record yet)",
                result.startedAt(),
                result.latencyMs());
    }

    /** {@code found} with the value, URL-encoded, in place of {@link Lookup#MARKER}. */
    static HttpCall withValue(HttpCall found, String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        return new HttpCall(found.method(), found.url().replace(Lookup.MARKER, encoded), found.headers(), found.body());
    }

    private static HttpCall call(LookupCall c, String idempotencyKey) {
        Map<String, String> headers = new HashMap<>(c.getHeaders());
        if (idempotencyKey != null) {
            headers.putIfAbsent(IDEMPOTENCY_KEY, idempotencyKey);
        }
        return new HttpCall(c.getMethod(), c.getUrl(), headers, bytes(c.getBody()));
    }

    private static String idempotencyKey(HttpCall call) {
        return call.headers().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase(IDEMPOTENCY_KEY))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
