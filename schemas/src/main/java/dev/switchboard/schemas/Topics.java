/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import dev.switchboard.schemas.avro.ConfigRecord;
import dev.switchboard.schemas.avro.DeadLetter;
import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.Rejected;
import dev.switchboard.schemas.avro.RetryEnvelope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic Switchboard reads or writes, as typed constants (names follow DESIGN.md). */
public final class Topics {

    private static final Serde<String> KEY = Serdes.String();

    /** What the tracking API received, one record per call: the input of the router. */
    public static final Topic<String, RawCall> INGEST_RAW =
            new Topic<>("sb.ingest.raw", KEY, RecordSerdes.forClass(RawCall.class));

    /** Valid, enriched, unique events: the archive of record, replayable. */
    public static final Topic<String, Event> EVENTS = new Topic<>("sb.events", KEY, RecordSerdes.forClass(Event.class));

    /** Everything refused on the way, with the reason and the original bytes. */
    public static final Topic<String, Rejected> REJECTED =
            new Topic<>("sb.rejected", KEY, RecordSerdes.forClass(Rejected.class));

    /** Workspaces (compacted, keyed by workspace id): read by every role as a live view. */
    public static final Topic<String, ConfigRecord> CONFIG =
            new Topic<>("sb.config", KEY, RecordSerdes.forClass(ConfigRecord.class));

    /** One record per delivery attempt, keyed by destination id. */
    public static final Topic<String, DeliveryOutcome> DELIVERY_OUTCOMES =
            new Topic<>("sb.delivery.outcomes", KEY, RecordSerdes.forClass(DeliveryOutcome.class));

    /** Every per-destination request topic: {@code sb.dest.<destinationId>}. */
    public static final Pattern DESTINATION_TOPICS = Pattern.compile("sb\\.dest\\.[A-Za-z0-9_-]+");

    private static final String DESTINATION_PREFIX = "sb.dest.";
    private static final Map<String, Topic<String, DestinationRequest>> DESTINATIONS = new ConcurrentHashMap<>();

    private Topics() {}

    /** The request topic of one configured destination (an instance id, never a type slug). */
    public static Topic<String, DestinationRequest> destination(String destinationId) {
        Topic<String, DestinationRequest> topic = DESTINATIONS.get(destinationId);
        if (topic != null) {
            return topic; // the hot path: the router names a topic for every request it writes
        }
        if (!DestinationIds.isValid(destinationId)) {
            throw new IllegalArgumentException("not a valid destination id: " + destinationId);
        }
        return DESTINATIONS.computeIfAbsent(
                destinationId,
                id -> new Topic<>(DESTINATION_PREFIX + id, KEY, RecordSerdes.forClass(DestinationRequest.class)));
    }

    /** Requests of one destination waiting for a later attempt: {@code sb.dest.<destinationId>.retry}. */
    public static Topic<String, RetryEnvelope> retry(String destinationId) {
        return new Topic<>(
                destination(destinationId).name() + ".retry", KEY, RecordSerdes.forClass(RetryEnvelope.class));
    }

    /** Requests of one destination that will not be retried: {@code sb.dest.<destinationId>.dlq}. */
    public static Topic<String, DeadLetter> deadLetter(String destinationId) {
        return new Topic<>(destination(destinationId).name() + ".dlq", KEY, RecordSerdes.forClass(DeadLetter.class));
    }

    /** The topics every deployment has, whatever its workspaces. */
    public static List<Topic<?, ?>> core() {
        return List.of(INGEST_RAW, EVENTS, REJECTED, CONFIG, DELIVERY_OUTCOMES);
    }
}
