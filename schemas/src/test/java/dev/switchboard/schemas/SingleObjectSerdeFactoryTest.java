/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.schemas.avro.Event;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The reader agrees with Avro's own single-object decoder and refuses what is not a record it knows. */
class SingleObjectSerdeFactoryTest {

    private final Serde<Event> serde = new SingleObjectSerdeFactory().serde(Event.class);

    private final Event event = Event.newBuilder()
            .setMessageId("m-1")
            .setType("track")
            .setUserId(null)
            .setAnonymousId("a-1")
            .setEvent("Order Completed")
            .setWorkspaceId("ws")
            .setSourceId("web")
            .setReceivedAt(Instant.parse("2026-12-05T10:00:00.123Z"))
            .setTimestamp(Instant.parse("2026-12-05T09:59:59.001Z"))
            .setJson("{\"type\":\"track\",\"properties\":{\"café\":\"🏔\"}}")
            .build();

    @Test
    void reads_what_avro_writes_and_avro_reads_what_it_writes() throws Exception {
        byte[] bytes = serde.serializer().serialize("t", event);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(event);
        BinaryMessageDecoder<Event> avro =
                new BinaryMessageDecoder<>(SpecificData.getForClass(Event.class), Event.getClassSchema());
        assertThat(avro.decode(ByteBuffer.wrap(bytes))).isEqualTo(event);
        // The same thread reads the next record with the decoder it reuses: nothing of the last one stays.
        Event other = Event.newBuilder(event).setMessageId("m-2").setJson("{}").build();
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", other)))
                .isEqualTo(other);
    }

    @Test
    void refuses_bytes_that_are_not_a_known_record_with_the_reason() {
        byte[] bytes = serde.serializer().serialize("t", event);
        assertThatThrownBy(() -> serde.deserializer().deserialize("sb.events", "{\"json\":1}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("sb.events")
                .hasRootCauseMessage("not Avro single-object encoding (no C3 01 marker)");
        byte[] unknown = bytes.clone();
        unknown[5] ^= 0x5A;
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", unknown))
                .isInstanceOf(SerializationException.class)
                .rootCause()
                .hasMessageContaining("unknown schema");
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 5);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
                .isInstanceOf(SerializationException.class);
    }
}
