/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic with its key and value serdes: the one place that knows how a topic's records are encoded.
 *
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** Kafka Streams source with this topic's serdes. */
    public Consumed<K, V> consumed() {
        return Consumed.with(keySerde, valueSerde);
    }

    /** Kafka Streams sink with this topic's serdes. */
    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde);
    }
}
