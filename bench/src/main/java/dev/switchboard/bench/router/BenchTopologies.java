/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.router;

import dev.switchboard.router.dedupe.DedupeStage;
import dev.switchboard.router.enrich.EnrichStage;
import dev.switchboard.router.parse.ParseStage;
import dev.switchboard.router.validate.ValidateStage;
import dev.switchboard.schemas.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/** The topologies the router is compared with; each reads {@code sb.ingest.raw}. */
final class BenchTopologies {

    private BenchTopologies() {}

    /** The baseline: each {@code RawCall} read and written again, with the topic's own serdes. */
    static Topology passthrough(String output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.INGEST_RAW.name(), Topics.INGEST_RAW.consumed()).to(output, Topics.INGEST_RAW.produced());
        return builder.build();
    }

    /**
     * The I/O floor of a fan-out: each {@code RawCall} read once and written to every one of
     * {@code outputs}, as the router writes each event to {@code sb.events} and three destinations.
     */
    static Topology copies(List<String> outputs) {
        StreamsBuilder builder = new StreamsBuilder();
        var raw = builder.stream(Topics.INGEST_RAW.name(), Topics.INGEST_RAW.consumed());
        for (String output : outputs) {
            raw.to(output, Topics.INGEST_RAW.produced());
        }
        return builder.build();
    }

    /**
     * A copy of the router's first half, wired from the same public stages as {@code RouterTopology}:
     * parse, validate, enrich, dedupe (RocksDB) and the archive of each {@code Event} to
     * {@code output}; no fan-out and no mapping. The difference to the router is their cost.
     */
    static Topology archiveOnly(String output) {
        StreamsBuilder builder = new StreamsBuilder();
        var raw = builder.stream(Topics.INGEST_RAW.name(), Topics.INGEST_RAW.consumed());
        var enriched = EnrichStage.apply(ValidateStage.apply(ParseStage.apply(raw)));
        var unique = DedupeStage.apply(builder, enriched, Duration.ofHours(24), true);
        unique.mapValues(e -> e.event()).to(output, Topics.EVENTS.produced());
        return builder.build();
    }

    /** The topics of the bench's own that {@code topology} writes to (not the router's sb.* topics), sorted. */
    static List<String> sinkTopics(Topology topology) {
        return topology.describe().subtopologies().stream()
                .flatMap(s -> s.nodes().stream())
                .filter(n -> n instanceof TopologyDescription.Sink)
                .map(n -> ((TopologyDescription.Sink) n).topic())
                .filter(t -> t.startsWith("bench."))
                .sorted()
                .toList();
    }
}
