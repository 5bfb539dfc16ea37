/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import dev.switchboard.schemas.avro.ConfigRecord;
import dev.switchboard.schemas.avro.DeadLetter;
import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DestinationControl;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.FieldSeen;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.Redrive;
import dev.switchboard.schemas.avro.Rejected;
import dev.switchboard.schemas.avro.ReplayProgress;
import dev.switchboard.schemas.avro.RetryEnvelope;
import dev.switchboard.schemas.avro.SuppressedIdType;
import dev.switchboard.schemas.avro.UserSuppression;
import dev.switchboard.schemas.avro.Violation;
import java.time.Duration;
import java.util.ArrayList;
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

    /** Operators' holds on destinations (compacted, keyed by destination id): every delivery instance follows it. */
    public static final Topic<String, DestinationControl> CONTROL =
            new Topic<>("sb.control", KEY, RecordSerdes.forClass(DestinationControl.class));

    /**
     * Every dead letter put back for delivery (compacted, keyed by {@link #redriveKey}): a letter is
     * redriven once unless forced.
     */
    public static final Topic<String, Redrive> REDRIVES =
            new Topic<>("sb.redrives", KEY, RecordSerdes.forClass(Redrive.class));

    /**
     * How far each replay got per partition of {@link #EVENTS} (compacted, keyed by
     * {@link #replayKey}): a replay run again resumes from it and sends nothing twice.
     */
    public static final Topic<String, ReplayProgress> REPLAYS =
            new Topic<>("sb.replays", KEY, RecordSerdes.forClass(ReplayProgress.class));

    /**
     * Every way an event differs from its source's tracking plan, whatever the enforcement, keyed like
     * {@link #EVENTS} (by user): one record per violation.
     */
    public static final Topic<String, Violation> VIOLATIONS =
            new Topic<>("sb.violations", KEY, RecordSerdes.forClass(Violation.class));

    /**
     * Operators' suppressed users (compacted, keyed by {@link #suppressionKey}; a tombstone lifts one): the
     * router follows it live, beside each workspace's own list.
     */
    public static final Topic<String, UserSuppression> SUPPRESSIONS =
            new Topic<>("sb.suppressions", KEY, RecordSerdes.forClass(UserSuppression.class));

    /**
     * The field inventory: each field path of each source as each router task saw it (compacted, keyed by
     * {@link #fieldKey}); readers merge the tasks' records of one path.
     */
    public static final Topic<String, FieldSeen> FIELDS =
            new Topic<>("sb.fields", KEY, RecordSerdes.forClass(FieldSeen.class));

    /**
     * The delays of the retry tiers, shortest first. A retry waits in the tier of the largest delay
     * not above its remaining wait ({@code sb.dest.<id>.retry.<delay>}); every record of a tier waits
     * the same time, so each tier is in due order by construction. Waits shorter than the first tier
     * go to {@code sb.dest.<id>.retry} itself.
     */
    public static final List<Duration> RETRY_TIERS = List.of(
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            Duration.ofHours(1));

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

    /** The retry tier of {@code delay} (one of {@link #RETRY_TIERS}): {@code sb.dest.<id>.retry.<delay>}. */
    public static Topic<String, RetryEnvelope> retryTier(String destinationId, Duration delay) {
        if (!RETRY_TIERS.contains(delay)) {
            throw new IllegalArgumentException("not a retry tier: " + delay);
        }
        return new Topic<>(
                retry(destinationId).name() + "." + tierName(delay), KEY, RecordSerdes.forClass(RetryEnvelope.class));
    }

    /** Every retry topic of one destination: {@code sb.dest.<id>.retry}, then each tier, shortest first. */
    public static List<Topic<String, RetryEnvelope>> retryTopics(String destinationId) {
        List<Topic<String, RetryEnvelope>> all = new ArrayList<>();
        all.add(retry(destinationId));
        RETRY_TIERS.forEach(d -> all.add(retryTier(destinationId, d)));
        return List.copyOf(all);
    }

    private static String tierName(Duration d) {
        long s = d.toSeconds();
        return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    /** The key of a letter's record on {@link #REDRIVES}: {@code <destinationId>/<partition>/<offset>}. */
    public static String redriveKey(String destinationId, int dlqPartition, long dlqOffset) {
        return destinationId + "/" + dlqPartition + "/" + dlqOffset;
    }

    /** The key of a replay's progress record on {@link #REPLAYS}: {@code <replayId>/<partition>}. */
    public static String replayKey(String replayId, int partition) {
        return replayId + "/" + partition;
    }

    /**
     * The key of a suppression on {@link #SUPPRESSIONS}: {@code <workspaceId>/userId:<id>} or
     * {@code <workspaceId>/anonymousId:<id>}.
     */
    public static String suppressionKey(String workspaceId, SuppressedIdType type, String id) {
        return workspaceId + "/" + (type == SuppressedIdType.USER_ID ? "userId:" : "anonymousId:") + id;
    }

    /** The key of one task's record of a field path on {@link #FIELDS}: {@code <sourceId>/<task>/<path>}. */
    public static String fieldKey(String sourceId, String task, String path) {
        return sourceId + "/" + task + "/" + path;
    }

    /** Requests of one destination that will not be retried: {@code sb.dest.<destinationId>.dlq}. */
    public static Topic<String, DeadLetter> deadLetter(String destinationId) {
        return new Topic<>(destination(destinationId).name() + ".dlq", KEY, RecordSerdes.forClass(DeadLetter.class));
    }

    /** The topics every deployment has, whatever its workspaces. */
    public static List<Topic<?, ?>> core() {
        return List.of(
                INGEST_RAW,
                EVENTS,
                REJECTED,
                CONFIG,
                DELIVERY_OUTCOMES,
                CONTROL,
                REDRIVES,
                REPLAYS,
                VIOLATIONS,
                SUPPRESSIONS,
                FIELDS);
    }
}
