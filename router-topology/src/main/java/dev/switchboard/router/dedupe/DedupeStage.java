/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.dedupe;

import dev.switchboard.router.internal.Enriched;
import dev.switchboard.schemas.Stage;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/** Keeps the first copy of each (source, messageId) within the window. */
public final class DedupeStage {

    static final String NAME = Stage.DEDUPE.processorName();
    static final String STORE = "sb-dedupe-store";

    private DedupeStage() {}

    /**
     * @param persistent RocksDB (production) or in memory (unit tests: TopologyTestDriver is slow
     *     with persistent stores); both are changelogged and behave the same
     */
    public static KStream<String, Enriched> apply(
            StreamsBuilder builder, KStream<String, Enriched> events, Duration window, boolean persistent) {
        WindowBytesStoreSupplier supplier = persistent
                ? Stores.persistentWindowStore(STORE, window, window, false)
                : Stores.inMemoryWindowStore(STORE, window, window, false);
        builder.addStateStore(Stores.windowStoreBuilder(supplier, Serdes.String(), Serdes.Long()));
        return events.processValues(() -> new DedupeProcessor(window), Named.as(NAME), STORE);
    }
}
