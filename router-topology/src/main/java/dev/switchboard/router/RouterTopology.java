/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router;

import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.router.dedupe.DedupeStage;
import dev.switchboard.router.enrich.EnrichStage;
import dev.switchboard.router.fanout.FanOutStage;
import dev.switchboard.router.fields.FieldsStage;
import dev.switchboard.router.internal.Planned;
import dev.switchboard.router.map.MapStage;
import dev.switchboard.router.parse.ParseStage;
import dev.switchboard.router.plan.PlanStage;
import dev.switchboard.router.privacy.PrivacyStage;
import dev.switchboard.router.validate.ValidateStage;
import dev.switchboard.router.workspace.WorkspaceStage;
import dev.switchboard.schemas.Stage;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.ConfigRecord;
import dev.switchboard.schemas.avro.UserSuppression;
import dev.switchboard.workspace.WorkspaceCompiler;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** The whole flow, one line per stage, in DESIGN.md's order. Pure: no I/O. */
public final class RouterTopology {

    private RouterTopology() {}

    public static Topology build(MapperRegistry mappers, RouterConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        var configTable = builder.globalTable(
                Topics.CONFIG.name(),
                Topics.CONFIG.consumed().withName("sb-config-source"),
                Materialized.<String, ConfigRecord, KeyValueStore<Bytes, byte[]>>as("sb-config-store")
                        .withKeySerde(Topics.CONFIG.keySerde())
                        .withValueSerde(Topics.CONFIG.valueSerde()));
        var raw = builder.stream(
                Topics.INGEST_RAW.name(), Topics.INGEST_RAW.consumed().withName("sb-ingest-source"));

        // Declared after the ingest stream, so that the main sub-topology (and its task ids) keeps its number.
        var suppressions = builder.globalTable(
                Topics.SUPPRESSIONS.name(),
                Topics.SUPPRESSIONS.consumed().withName("sb-suppressions-source"),
                Materialized.<String, UserSuppression>as(Stores.inMemoryKeyValueStore("sb-suppressions-store"))
                        .withKeySerde(Topics.SUPPRESSIONS.keySerde())
                        .withValueSerde(Topics.SUPPRESSIONS.valueSerde())
                        .withCachingDisabled()); // a suppression applies as soon as it is read
        var enriched = EnrichStage.apply(ValidateStage.apply(ParseStage.apply(raw)));
        var unique = DedupeStage.apply(
                builder,
                enriched,
                config.get(RouterConfig.DEDUPE_WINDOW),
                config.get(RouterConfig.DEDUPE_STORE) == RouterConfig.StoreType.ROCKSDB);
        var configured = WorkspaceStage.apply(unique, configTable, new WorkspaceCompiler(mappers));
        FieldsStage.apply(builder, configured); // the field inventory, of every event
        var planned = PlanStage.apply(configured, suppressions);
        planned.mapValues(
                        Planned::archived,
                        Named.as(Stage.ARCHIVE.processorName())) // archive of record: blocked events too
                .to(Topics.EVENTS.name(), Topics.EVENTS.produced().withName(Stage.ARCHIVE.processorName() + "-sink"));
        PlanStage.violations(planned);
        MapStage.apply(PrivacyStage.apply(FanOutStage.apply(PlanStage.delivered(planned))));
        return builder.build();
    }
}
