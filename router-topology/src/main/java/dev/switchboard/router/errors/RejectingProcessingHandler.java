/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.errors;

import dev.switchboard.schemas.Stage;
import dev.switchboard.schemas.avro.Rejected;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Kafka Streams' handler for an exception that escapes a processor: an {@linkplain InternalErrors internal
 * error}, written to {@code sb.rejected} with the {@link Stage} of the processor, and the stream goes on.
 */
public final class RejectingProcessingHandler implements ProcessingExceptionHandler {

    private RejectedSink sink;

    @Override
    public void configure(Map<String, ?> configs) {
        sink = new RejectedSink(configs);
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        Stage stage = Stage.ofProcessor(context.processorNodeId());
        Rejected rejected = Rejected.newBuilder()
                .setStage(stage.wireName())
                .setCode(InternalErrors.CODE)
                .setReason(InternalErrors.record(stage, "processor " + context.processorNodeId(), exception))
                .setRejectedAt(Instant.now())
                .setOriginal(original(context, record))
                .build();
        String key = record.key() == null ? null : record.key().toString();
        return sink.write(key, rejected) ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }

    /** The bytes of the source record when the context has them (the input as it was), else the value's text. */
    private static ByteBuffer original(ErrorHandlerContext context, Record<?, ?> record) {
        byte[] raw = context.sourceRawValue();
        return ByteBuffer.wrap(
                raw != null ? raw : String.valueOf(record.value()).getBytes(StandardCharsets.UTF_8));
    }
}
