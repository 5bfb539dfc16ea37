/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.AliasMessage;
import com.segment.analytics.messages.GroupMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.ScreenMessage;
import com.segment.analytics.messages.TrackMessage;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.tracking.support.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The official Segment Java library, unmodified, pointed at the tracking API: all six calls and batching. */
class JavaLibraryIT extends ApiIntegrationBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldAcceptAllSixCallsWhenSentWithTheOfficialJavaLibrary() {
        // Given
        ConcurrentLinkedQueue<Message> delivered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Analytics analytics = javaLibrary(delivered, failures, 100);

        // When
        analytics.enqueue(IdentifyMessage.builder().userId("java-1").traits(Map.of("email", "j@example.com")));
        analytics.enqueue(
                TrackMessage.builder("Item Purchased").userId("java-1").properties(Map.of("revenue", 14.99)));
        analytics.enqueue(PageMessage.builder("Home").userId("java-1"));
        analytics.enqueue(ScreenMessage.builder("Settings").userId("java-1"));
        analytics.enqueue(GroupMessage.builder("group-1").userId("java-1"));
        analytics.enqueue(AliasMessage.builder("anon-previous").userId("java-1"));
        analytics.flush();
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered.size() + failures.size() >= 6);
        analytics.shutdown();

        // Then
        assertThat(failures).isEmpty();
        List<ConsumerRecord<String, RawCall>> records = raw.take(6);
        assertThat(records)
                .extracting(r -> payload(r).get("type").asText())
                .containsExactly("identify", "track", "page", "screen", "group", "alias");
        assertThat(records)
                .extracting(r -> r.value().getMessageId())
                .containsExactlyElementsOf(
                        delivered.stream().map(Message::messageId).toList());
        for (ConsumerRecord<String, RawCall> r : records) {
            assertThat(r.key()).isEqualTo("java-1");
            assertThat(r.value().getPath()).isEqualTo("/v1/import/");
            assertThat(r.value().getSourceId()).isEqualTo("web");
            assertThat(r.value().getSentAt()).isNotNull();
            // The library puts context.library only at batch level: it must reach every event.
            assertThat(payload(r).at("/context/library/name").asText()).isEqualTo("analytics-java");
            assertThat(payload(r).has("writeKey")).isFalse();
        }
        assertThat(payload(records.get(5)).get("previousId").asText()).isEqualTo("anon-previous");
        assertThat(payload(records.get(1)).at("/properties/revenue").decimalValue())
                .isEqualByComparingTo("14.99");
    }

    @Test
    void shouldAcceptEveryEventWhenTheJavaLibrarySendsSeveralBatches() {
        // Given
        ConcurrentLinkedQueue<Message> delivered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Analytics analytics = javaLibrary(delivered, failures, 50);

        // When
        for (int i = 0; i < 230; i++) {
            analytics.enqueue(TrackMessage.builder("Batched").userId("batch-user-" + (i % 7)));
        }
        analytics.flush();
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered.size() + failures.size() >= 230);
        analytics.shutdown();

        // Then
        assertThat(failures).isEmpty();
        List<ConsumerRecord<String, RawCall>> records = raw.take(230);
        assertThat(records)
                .extracting(r -> r.value().getMessageId())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        delivered.stream().map(Message::messageId).toList());
    }

    private static Analytics javaLibrary(
            ConcurrentLinkedQueue<Message> delivered, ConcurrentLinkedQueue<Throwable> failures, int flushAt) {
        return Analytics.builder(Workspace.WEB_KEY)
                .endpoint("http://127.0.0.1:" + api.port())
                .flushQueueSize(flushAt)
                .flushInterval(1, TimeUnit.HOURS)
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        delivered.add(message);
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        failures.add(throwable);
                    }
                })
                .build();
    }

    private static JsonNode payload(ConsumerRecord<String, RawCall> record) {
        try {
            return JSON.readTree(record.value().getPayload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
