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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be decoded (a poison pill) goes to {@code sb.rejected} with its bytes, and the
 * partition moves on. Only if that write fails does the stream stop: nothing is dropped silently.
 */
public final class RejectingDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RejectingDeserializationHandler.class);
    private RejectedSink sink;

    @Override
    public void configure(Map<String, ?> configs) {
        sink = new RejectedSink(configs);
    }

    @Override
    public DeserializationHandlerResponse handle(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.warn(
                "undecodable record {}-{}@{}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                exception.toString());
        Rejected rejected = Rejected.newBuilder()
                .setStage(Stage.DESERIALIZE.wireName())
                .setCode("undecodable")
                .setReason("cannot decode the record at " + record.topic() + "-" + record.partition() + "@"
                        + record.offset() + ": " + exception.getMessage())
                .setRejectedAt(Instant.now())
                .setOriginal(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .build();
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        return sink.write(key, rejected)
                ? DeserializationHandlerResponse.CONTINUE
                : DeserializationHandlerResponse.FAIL;
    }
}
