/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import dev.switchboard.schemas.avro.PartialFailureOthers;
import dev.switchboard.schemas.avro.PartialFailureSpec;
import dev.switchboard.schemas.avro.SuccessBodySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The one table from an attempt's result to what happens next (segment-spec §4.1, issue 7).
 *
 * <table>
 *   <caption>status classes</caption>
 *   <tr><th>result</th><th>class</th><th>errorClass</th></tr>
 *   <tr><td>2xx</td><td>DELIVERED</td><td>-</td></tr>
 *   <tr><td>408, 423</td><td>RETRYABLE</td><td>http_408, http_423</td></tr>
 *   <tr><td>429</td><td>RETRYABLE (and AIMD decrease)</td><td>http_429</td></tr>
 *   <tr><td>5xx except 501</td><td>RETRYABLE</td><td>http_5xx</td></tr>
 *   <tr><td>timeout, connect timeout, connection error</td><td>RETRYABLE</td><td>timeout, connect_timeout, connect, io</td></tr>
 *   <tr><td>a request that cannot be sent (bad URL or method)</td><td>FATAL</td><td>invalid_request</td></tr>
 *   <tr><td>501</td><td>FATAL</td><td>http_501</td></tr>
 *   <tr><td>401, 403</td><td>FATAL</td><td>http_auth</td></tr>
 *   <tr><td>other 4xx</td><td>FATAL</td><td>http_4xx</td></tr>
 *   <tr><td>1xx, 3xx</td><td>FATAL</td><td>http_unexpected</td></tr>
 *   <tr><td>a lookup's 2xx read whose body is not JSON</td><td>FATAL</td><td>lookup_unreadable</td></tr>
 *   <tr><td>a write answer listed in its lookup's {@code retry}</td><td>RETRYABLE</td><td>lookup_retry</td></tr>
 * </table>
 *
 * <p>A request with a lookup is judged by the result of its exchange ({@link LookupExchange}): the read's
 * when the read failed, else the write's.
 *
 * <p>A batch whose destination reports failed items ({@code batching.partialFailure}) is classified per
 * item by {@link #classifyItems}: when the answer's status is listed there and its JSON body names failed
 * items, those items are FATAL ({@code partial_failure}, with the answer's reason for the item) and the
 * others DELIVERED ({@code others: delivered}) or RETRYABLE ({@code partial_failure_other}, {@code others:
 * retry}). A listed status may be a success (Pinterest's 200 with {@code events[].status}, Customer.io's
 * 207 with {@code errors[].batch_index}): the answer is then a partial failure, and the items it does not
 * name are always DELIVERED, since a 2xx says the vendor took them (the engine refuses {@code others:
 * retry} with a 2xx status). Otherwise, a 2xx body that names no item included, every item takes the
 * class of the row above. An answer may name the items by position ({@code failedIndexes}, also read
 * from a text with {@code ~ /regex/}) or by id ({@code failedIds}, matched against each item's {@code
 * itemId} as sent); see {@link FailedIndexes}.
 */
public final class StatusTable {

    /** Error class of the items a partially failed batch's answer names. */
    public static final String PARTIAL_FAILURE = "partial_failure";
    /** Error class of the items it does not name, when the destination rejected the whole batch. */
    public static final String PARTIAL_FAILURE_OTHER = "partial_failure_other";

    /** Error class of a 2xx answer whose body says the destination rejected the request. */
    public static final String REJECTED_IN_BODY = "rejected_in_body";

    private StatusTable() {}

    /** {@link #classify(HttpResult)}, and a 2xx answer whose body does not say success is FATAL. */
    public static Classification classify(HttpResult result, SuccessBodySpec success) {
        Classification c = classify(result);
        if (success != null
                && c.statusClass() == StatusClass.DELIVERED
                && !SuccessBodies.accepts(result.body(), success)) {
            return new Classification(StatusClass.FATAL, REJECTED_IN_BODY);
        }
        return c;
    }

    /** {@link #classifyItems(HttpResult, PartialFailureSpec, SuccessBodySpec, List)} without a success check. */
    public static List<Classification> classifyItems(HttpResult result, PartialFailureSpec partialFailure, int items) {
        return classifyItems(result, partialFailure, null, Collections.nCopies(items, null));
    }

    /**
     * {@link #classifyItems(HttpResult, PartialFailureSpec, SuccessBodySpec, List)} for {@code items} whose
     * bodies are not known (an answer naming items by id names none of them).
     */
    public static List<Classification> classifyItems(
            HttpResult result, PartialFailureSpec partialFailure, SuccessBodySpec success, int items) {
        return classifyItems(result, partialFailure, success, Collections.nCopies(items, null));
    }

    /**
     * The class of each of the {@code items} requests a call carried: the call's class (with the
     * {@code success} check, may be null) for all, unless {@code partialFailure} (the batch's, may be null)
     * lists the answer's status and the body names the failed items. When the body names items, it is
     * read even from an answer the {@code success} check refused: it says which items failed. {@code
     * bodies} are the items as sent (each batch element, null when not known), in the call's order: their
     * ids ({@code partialFailure.itemId}) are what {@code failedIds} names.
     */
    public static List<Classification> classifyItems(
            HttpResult result, PartialFailureSpec partialFailure, SuccessBodySpec success, List<byte[]> bodies) {
        int items = bodies.size();
        Classification call = classify(result, success);
        List<Classification> same = Collections.nCopies(items, call);
        if (partialFailure == null
                || result.status() == null
                || !partialFailure.getStatuses().contains(result.status())) {
            return same;
        }
        Optional<SortedMap<Integer, String>> failed = FailedIndexes.failures(
                result.body(),
                partialFailure.getFailedIndexes(),
                partialFailure.getFailedIds(),
                ItemIds.read(bodies, partialFailure.getItemId()));
        if (failed.isEmpty()) {
            return same;
        }
        boolean accepted = classify(result.status()).statusClass() == StatusClass.DELIVERED;
        Classification other = partialFailure.getOthers() == PartialFailureOthers.RETRY && !accepted
                ? new Classification(StatusClass.RETRYABLE, PARTIAL_FAILURE_OTHER)
                : new Classification(StatusClass.DELIVERED, null);
        List<Classification> out = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            out.add(
                    failed.get().containsKey(i)
                            ? new Classification(
                                    StatusClass.FATAL,
                                    PARTIAL_FAILURE,
                                    failed.get().get(i))
                            : other);
        }
        return out;
    }

    public static Classification classify(HttpResult result) {
        if (LookupExchange.LOOKUP_UNREADABLE.equals(result.errorClass())) {
            return new Classification(StatusClass.FATAL, LookupExchange.LOOKUP_UNREADABLE);
        }
        if (LookupExchange.LOOKUP_RETRY.equals(result.errorClass())) {
            return new Classification(StatusClass.RETRYABLE, LookupExchange.LOOKUP_RETRY);
        }
        if (result.status() == null && "invalid_request".equals(result.errorClass())) {
            return new Classification(StatusClass.FATAL, "invalid_request");
        }
        if (result.status() == null) {
            return new Classification(StatusClass.RETRYABLE, result.errorClass() == null ? "io" : result.errorClass());
        }
        return classify(result.status());
    }

    public static Classification classify(int status) {
        if (status >= 200 && status < 300) {
            return new Classification(StatusClass.DELIVERED, null);
        }
        if (status == 408 || status == 423 || status == 429) {
            return new Classification(StatusClass.RETRYABLE, "http_" + status);
        }
        if (status == 501) {
            return new Classification(StatusClass.FATAL, "http_501");
        }
        if (status >= 500 && status < 600) {
            return new Classification(StatusClass.RETRYABLE, "http_5xx");
        }
        if (status == 401 || status == 403) {
            return new Classification(StatusClass.FATAL, "http_auth");
        }
        if (status >= 400 && status < 500) {
            return new Classification(StatusClass.FATAL, "http_4xx");
        }
        return new Classification(StatusClass.FATAL, "http_unexpected");
    }
}
