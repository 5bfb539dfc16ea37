/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.errors;

import dev.switchboard.schemas.avro.Rejected;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exception inside a processor (a bug, or input no stage foresaw) sends the record to
 * {@code sb.rejected} with the processor's name and the error, and the stream goes on.
 */
public final class RejectingProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RejectingProcessingHandler.class);
    private RejectedSink sink;

    @Override
    public void configure(Map<String, ?> configs) {
        sink = new RejectedSink(configs);
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.error(
                "processor {} failed on {}-{}@{}",
                context.processorNodeId(),
                context.topic(),
                context.partition(),
                context.offset(),
                exception);
        Rejected rejected = Rejected.newBuilder()
                .setStage(context.processorNodeId())
                .setCode("processing_error")
                .setReason(exception.toString())
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
