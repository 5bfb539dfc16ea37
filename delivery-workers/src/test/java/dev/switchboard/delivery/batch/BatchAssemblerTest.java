/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.delivery.http.HttpCall;
import dev.switchboard.delivery.testing.Requests;
import dev.switchboard.schemas.avro.BatchFormat;
import dev.switchboard.schemas.avro.DestinationRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchAssemblerTest {

    private static DestinationRequest item(String id, BatchFormat format, int maxEvents, int maxBytes) {
        return Requests.batchable("d", "http://127.0.0.1:1/b", id, "k", format, maxEvents, maxBytes);
    }

    private static String body(HttpCall call) {
        return new String(call.body(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldKeepEveryHeaderAndAddIdempotencyKeyWhenTheRequestCarriesOneEvent() {
        // Given
        DestinationRequest r = Requests.single("d", "http://127.0.0.1:1/hook", "m1");

        // When
        HttpCall call = BatchAssembler.assemble(List.of(r));

        // Then
        assertThat(call.headers())
                .containsEntry("X-Signature", "sig-m1")
                .containsEntry("User-Agent", "Switchboard/test")
                .containsEntry("Idempotency-Key", "m1");
        assertThat(body(call)).contains("\"messageId\":\"m1\"");
        assertThat(call.method()).isEqualTo("POST");
    }

    @Test
    void shouldNotSetIdempotencyKeyWhenTheRequestCarriesSeveralEvents() {
        DestinationRequest r = Requests.single("d", "http://127.0.0.1:1/hook", "m1");
        r.setMessageIds(List.of("m1", "m2"));
        assertThat(BatchAssembler.assemble(List.of(r)).headers()).doesNotContainKey("Idempotency-Key");
    }

    @Test
    void shouldJoinItemsIntoAnArrayWhenTheFormatIsJsonArray() {
        HttpCall call = BatchAssembler.assemble(
                List.of(item("a", BatchFormat.JSON_ARRAY, 10, 1000), item("b", BatchFormat.JSON_ARRAY, 10, 1000)));
        assertThat(body(call)).startsWith("[{").endsWith("}]").contains("\"a\"").contains("},{");
        assertThat(call.headers()).doesNotContainKey("Idempotency-Key").containsEntry("X-Signature", "sig-a");
    }

    @Test
    void shouldWriteOneItemPerLineWhenTheFormatIsNdjson() {
        HttpCall call = BatchAssembler.assemble(
                List.of(item("a", BatchFormat.NDJSON, 10, 1000), item("b", BatchFormat.NDJSON, 10, 1000)));
        assertThat(body(call).split("\n")).hasSize(2).allSatisfy(line -> assertThat(line)
                .startsWith("{"));
        assertThat(body(call)).endsWith("\n");
    }

    @Test
    void shouldPutTheItemsAtTheWrapperPathWhenTheFormatIsWrapped() {
        HttpCall call = BatchAssembler.assemble(
                List.of(item("a", BatchFormat.WRAPPED, 10, 1000), item("b", BatchFormat.WRAPPED, 10, 1000)));
        assertThat(body(call)).startsWith("{\"api_key\":\"k\",\"events\":[{").contains("\"b\"");
    }

    @Test
    void shouldKeepEmojiAsUtf8AndDecimalsAsWrittenWhenTheFormatIsWrapped() {
        // Given: an item holding an emoji (U+1F3D4) and a decimal the mapper wrote as JavaScript does
        DestinationRequest a = item("a", BatchFormat.WRAPPED, 10, 1000);
        String itemJson = "{\"event\":\"Summit \uD83C\uDFD4\",\"n\":1e+21,\"p\":19.99}";
        a.getBatch().setItem(java.nio.ByteBuffer.wrap(itemJson.getBytes(StandardCharsets.UTF_8)));

        // When
        HttpCall call = BatchAssembler.assemble(List.of(a, item("b", BatchFormat.WRAPPED, 10, 1000)));

        // Then: the item's bytes are in the body unchanged, not re-escaped (\\uD83C) nor 1.0E21
        assertThat(body(call)).contains(itemJson);
    }

    @Test
    void shouldTakeAtMostMaxEventsWhenMoreAreQueued() {
        // Given
        Deque<DestinationRequest> pending = new ArrayDeque<>();
        IntStream.range(0, 7).forEach(i -> pending.add(item("m" + i, BatchFormat.JSON_ARRAY, 3, 100_000)));

        // When
        List<DestinationRequest> first = BatchSelector.take(pending, Function.identity(), false);

        // Then
        assertThat(first).hasSize(3);
        assertThat(pending).hasSize(4);
    }

    @Test
    void shouldStayWithinMaxBytesWhenItemsAreLarge() {
        // Given items of about 60 bytes and a limit of 200 bytes
        Deque<DestinationRequest> pending = new ArrayDeque<>();
        IntStream.range(0, 10).forEach(i -> pending.add(item("m" + i, BatchFormat.JSON_ARRAY, 100, 200)));

        // When
        while (!pending.isEmpty()) {
            List<DestinationRequest> batch = BatchSelector.take(pending, Function.identity(), true);

            // Then
            assertThat(batch).isNotEmpty();
            assertThat(BatchAssembler.assemble(batch).body().length).isLessThanOrEqualTo(200);
        }
    }

    @Test
    void shouldWaitForMoreWhenTheBatchIsNotFullAndNotReady() {
        Deque<DestinationRequest> pending = new ArrayDeque<>(List.of(item("a", BatchFormat.NDJSON, 5, 10_000)));
        assertThat(BatchSelector.take(pending, Function.identity(), false)).isEmpty();
        assertThat(BatchSelector.take(pending, Function.identity(), true)).hasSize(1);
    }

    @Test
    void shouldLeaveOtherBatchKeysQueuedWhenTakingABatch() {
        Deque<DestinationRequest> pending = new ArrayDeque<>();
        DestinationRequest other = item("x", BatchFormat.JSON_ARRAY, 5, 10_000);
        other.setBatchKey("other");
        pending.add(item("a", BatchFormat.JSON_ARRAY, 5, 10_000));
        pending.add(other);
        pending.add(item("b", BatchFormat.JSON_ARRAY, 5, 10_000));
        assertThat(BatchSelector.take(pending, Function.identity(), true))
                .extracting(r -> r.getMessageIds().get(0))
                .containsExactly("a", "b");
        assertThat(pending).containsExactly(other);
    }
}
