/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding: a two-byte marker, the schema's 64-bit fingerprint, then the binary
 * record. Readers resolve the older writer schemas kept in {@link SchemaHistory}, so compatible
 * schema changes need no registry.
 */
public final class SingleObjectSerdeFactory implements RecordSerdeFactory {

    @Override
    public <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = SpecificData.getForClass(type).getSchema(type);
        BinaryMessageEncoder<T> encoder = new BinaryMessageEncoder<>(model, schema);
        BinaryMessageDecoder<T> decoder = new BinaryMessageDecoder<>(model, schema);
        SchemaHistory.of(schema).forEach(decoder::addSchema);
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                ByteBuffer buffer = encoder.encode(value);
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return decoder.decode(bytes);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException(
                        "cannot decode " + type.getSimpleName() + " from " + bytes.length + " bytes on " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
