/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.fields;

import dev.switchboard.router.internal.Configured;
import dev.switchboard.schemas.Stage;
import dev.switchboard.schemas.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/** Keeps the field inventory of every source and writes its changes to {@code sb.fields}. */
public final class FieldsStage {

    static final String NAME = Stage.FIELDS.processorName();
    static final String STORE = "sb-fields-store";

    /** A path seen again is reported again once its last report is older than this (its last seen advances). */
    public static final Duration LAST_SEEN_INTERVAL = Duration.ofHours(1);

    /** At most this many paths per source and task; fields beyond are counted ({@code over-cap-total}), not kept. */
    public static final int MAX_PATHS_PER_SOURCE = 10_000;

    private FieldsStage() {}

    public static void apply(StreamsBuilder builder, KStream<String, Configured> events) {
        apply(builder, events, MAX_PATHS_PER_SOURCE);
    }

    /** As {@link #apply(StreamsBuilder, KStream)} with another cap (tests). */
    public static void apply(StreamsBuilder builder, KStream<String, Configured> events, int maxPathsPerSource) {
        // In memory: at most the cap's paths per source, restored from the changelog on start.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Topics.FIELDS.valueSerde()));
        long interval = LAST_SEEN_INTERVAL.toMillis();
        events.process(() -> new FieldsProcessor(maxPathsPerSource, interval), Named.as(NAME), STORE)
                .to(Topics.FIELDS.name(), Topics.FIELDS.produced().withName(NAME + "-sink"));
    }
}
