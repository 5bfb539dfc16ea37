/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.embedded.EmbeddedKafkaExtension;
import dev.switchboard.router.errors.InternalErrors;
import dev.switchboard.router.errors.RejectingProcessingHandler;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.Rejected;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.ProcessingHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An exception that escapes a processor is an internal error: Kafka Streams hands it to
 * {@link RejectingProcessingHandler}, which writes it to the real {@code sb.rejected} with the stage of the
 * processor, code {@code internal_error} and the input's bytes, counts it, and lets the stream go on.
 */
class InternalErrorIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = EmbeddedKafkaExtension.withCoreTopics(1);

    private static final byte[] INPUT = "{\"type\":\"track\",\"event\":\"E\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldRejectWithTheProcessorsStageWhenAProcessorThrows() throws Exception {
        RejectingProcessingHandler handler = new RejectingProcessingHandler();
        handler.configure(Map.of("bootstrap.servers", KAFKA.bootstrapServers()));
        long before = InternalErrors.count();

        // When a processor of the map stage throws
        ProcessingHandlerResponse response = handler.handle(
                new Context("sb-map"), new Record<>("user-1", "value", 0L), new IllegalStateException("bug"));

        // Then the stream goes on, and the rejection names the stage, the code and the processor
        assertThat(response).isEqualTo(ProcessingHandlerResponse.CONTINUE);
        assertThat(InternalErrors.count()).isEqualTo(before + 1);
        List<ConsumerRecord<String, Rejected>> rejected;
        try (CommittedTopics read = new CommittedTopics(KAFKA.bootstrapServers())) {
            rejected = read.readCommitted(Topics.REJECTED);
        }
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("user-1");
            assertThat(r.value().getStage()).isEqualTo("map");
            assertThat(r.value().getCode()).isEqualTo(InternalErrors.CODE);
            assertThat(r.value().getReason()).isEqualTo("processor sb-map: java.lang.IllegalStateException: bug");
            assertThat(StandardCharsets.UTF_8.decode(r.value().getOriginal()).toString())
                    .isEqualTo(new String(INPUT, StandardCharsets.UTF_8));
        });
    }

    /** What Kafka Streams tells the handler about the failed record. */
    private record Context(String processorNodeId) implements ErrorHandlerContext {

        @Override
        public String topic() {
            return Topics.INGEST_RAW.name();
        }

        @Override
        public int partition() {
            return 0;
        }

        @Override
        public long offset() {
            return 7;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 0);
        }

        @Override
        public long timestamp() {
            return 0;
        }

        @Override
        public byte[] sourceRawKey() {
            return "user-1".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] sourceRawValue() {
            return INPUT;
        }
    }
}
