/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.console.live.DeliveryLedger.Step;
import dev.switchboard.options.KafkaAccess;
import dev.switchboard.router.fanout.FanOutStage;
import dev.switchboard.schemas.Stage;
import dev.switchboard.schemas.Topic;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.Rejected;
import dev.switchboard.schemas.avro.Violation;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.ConfigView;
import dev.switchboard.workspace.Route;
import dev.switchboard.workspace.config.ConnectionConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the console shows, with one consumer of its own (no group, read_committed, so it never
 * slows ingest or routing and commits nothing): {@code sb.ingest.raw}, {@code sb.events},
 * {@code sb.rejected}, {@code sb.violations}, every {@code sb.dest.<id>} and {@code sb.delivery.outcomes}, from
 * {@code lookback} ago (the outcomes from a day ago, for the day's delivery counts), into bounded
 * views: the last calls and the plan's violations per source, the last {@code traces} messageIds, and a
 * ledger per destination.
 * Fan-out's decision for each event is asked of {@link FanOutStage#decide}, the router's own rule.
 */
public final class Recorder implements AutoCloseable {

    /**
     * The sizes of the views.
     *
     * @param callsPerSource calls kept per source
     * @param errorsPerDestination delivery errors kept per destination
     * @param traces messageIds kept
     * @param lookback how far back calls and traces are read at start
     */
    public record Limits(int callsPerSource, int errorsPerDestination, int traces, Duration lookback) {}

    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration TOPIC_REFRESH = Duration.ofSeconds(5);

    private final Limits limits;
    private final ConfigView config;
    private final Clock clock;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running = true;

    private final Object lock = new Object();
    private final Map<String, SourceLog> sources = new HashMap<>();
    private final Map<String, DeliveryLedger> ledgers = new HashMap<>();
    private final Map<String, ViolationLog> violations = new HashMap<>();
    private final LinkedHashMap<String, Trace> traces;
    private final Map<String, Deserializer<?>> deserializers = new HashMap<>();

    public Recorder(KafkaAccess kafka, ConfigView config, Limits limits, Clock clock) {
        this.limits = limits;
        this.config = config;
        this.clock = clock;
        this.traces = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Trace> eldest) {
                return size() > limits.traces();
            }
        };
        Properties p = kafka.properties();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "sb-console");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "sb-console-recorder");
        this.thread.setDaemon(true);
    }

    public Recorder start() {
        thread.start();
        return this;
    }

    /** Whether the topics were read up to their ends at start. */
    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---- reading ----

    /** The newest {@code limit} violations of {@code sourceId}'s tracking plan read from {@code sb.violations}, and the counts per kind. */
    public ViolationLog.Snapshot violations(String sourceId, int limit) {
        synchronized (lock) {
            ViolationLog log = violations.get(sourceId);
            return log == null ? ViolationLog.Snapshot.empty() : log.snapshot(limit);
        }
    }

    /**
     * The calls of {@code sourceId} after sequence {@code afterSeq}, newest first, at most {@code limit}
     * that {@code matches}, and the newest sequence number.
     */
    public Calls calls(String sourceId, long afterSeq, int limit, Predicate<Trace> matches) {
        synchronized (lock) {
            SourceLog log = sources.get(sourceId);
            if (log == null) {
                return new Calls(List.of(), 0, 0);
            }
            List<Call> out = new ArrayList<>();
            for (SourceLog.Entry e : log.newest(afterSeq, limit, matches)) {
                out.add(new Call(e.seq(), e.trace()));
            }
            return new Calls(out, log.lastSeq(), log.countAfter(afterSeq));
        }
    }

    /** One call in a source's list. */
    public record Call(long seq, Trace trace) {}

    /**
     * A page of calls.
     *
     * @param calls newest first
     * @param lastSeq the newest sequence number of the source
     * @param arrived how many calls arrived after the asked sequence number (more than listed when sampled)
     */
    public record Calls(List<Call> calls, long lastSeq, long arrived) {}

    /** What is known of {@code messageId}, if it is among the last messageIds read. */
    public Optional<Trace> trace(String messageId) {
        synchronized (lock) {
            Trace t = traces.get(messageId);
            return t == null ? Optional.empty() : Optional.of(t.copy());
        }
    }

    /**
     * One destination's delivery as of now.
     *
     * @param hour totals over the last hour
     * @param day totals over the last day
     * @param trend per minute over the last hour: epoch ms, delivered, retrying, dead-lettered
     * @param errors the recent errors, newest first
     */
    public record Delivery(
            DeliveryLedger.Summary hour,
            DeliveryLedger.Summary day,
            List<long[]> trend,
            List<DeliveryLedger.DeliveryError> errors) {}

    public Delivery delivery(String destinationId) {
        Instant now = clock.instant();
        synchronized (lock) {
            DeliveryLedger l = ledger(destinationId);
            return new Delivery(l.summary(now, Duration.ofHours(1)), l.summary(now, DAY), l.trend(now, 60), l.errors());
        }
    }

    // ---- recording ----

    private void run() {
        try {
            Set<String> topics = new HashSet<>();
            Map<TopicPartition, Long> endAtStart = null;
            long nextRefresh = 0;
            while (running) {
                if (System.nanoTime() >= nextRefresh) {
                    Map<TopicPartition, Long> added = assignNew(topics);
                    if (endAtStart == null) {
                        endAtStart = added;
                    }
                    nextRefresh = System.nanoTime() + TOPIC_REFRESH.toNanos();
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    record(r);
                }
                if (caughtUp.getCount() > 0
                        && endAtStart.entrySet().stream()
                                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("console recorder stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Assigns the topics not assigned yet, each from where it should be read; returns their end offsets. */
    private Map<TopicPartition, Long> assignNew(Set<String> assigned) {
        Map<String, List<PartitionInfo>> all = consumer.listTopics(Duration.ofSeconds(10));
        List<TopicPartition> fresh = new ArrayList<>();
        Map<TopicPartition, Long> since = new HashMap<>();
        Instant now = clock.instant();
        for (Map.Entry<String, List<PartitionInfo>> t : all.entrySet()) {
            String name = t.getKey();
            if (assigned.contains(name) || !wanted(name)) {
                continue;
            }
            assigned.add(name);
            Duration back = name.equals(Topics.DELIVERY_OUTCOMES.name()) ? DAY : limits.lookback();
            for (PartitionInfo p : t.getValue()) {
                TopicPartition tp = new TopicPartition(name, p.partition());
                fresh.add(tp);
                since.put(tp, now.minus(back).toEpochMilli());
            }
        }
        if (fresh.isEmpty()) {
            return Map.of();
        }
        List<TopicPartition> now2 = new ArrayList<>(consumer.assignment());
        now2.addAll(fresh);
        consumer.assign(now2);
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(since);
        Map<TopicPartition, Long> ends = consumer.endOffsets(fresh);
        for (TopicPartition tp : fresh) {
            OffsetAndTimestamp start = starts.get(tp);
            consumer.seek(tp, start == null ? ends.get(tp) : start.offset());
        }
        return ends;
    }

    private static boolean wanted(String topic) {
        return topic.equals(Topics.INGEST_RAW.name())
                || topic.equals(Topics.EVENTS.name())
                || topic.equals(Topics.REJECTED.name())
                || topic.equals(Topics.DELIVERY_OUTCOMES.name())
                || topic.equals(Topics.VIOLATIONS.name())
                || Topics.DESTINATION_TOPICS.matcher(topic).matches();
    }

    private void record(ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            return;
        }
        Object value;
        try {
            value = deserializer(r.topic()).deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            LOG.debug("{}-{}@{} cannot be read, not shown: {}", r.topic(), r.partition(), r.offset(), e.toString());
            return;
        }
        synchronized (lock) {
            if (value instanceof RawCall call) {
                received(call);
            } else if (value instanceof Event event) {
                routed(event);
            } else if (value instanceof Rejected rejected) {
                rejected(rejected);
            } else if (value instanceof DestinationRequest request) {
                for (String id : request.getMessageIds()) {
                    traceOf(id).request(request);
                }
            } else if (value instanceof DeliveryOutcome outcome) {
                delivered(outcome);
            } else if (value instanceof Violation v) {
                violations
                        .computeIfAbsent(v.getSourceId(), s -> new ViolationLog(limits.callsPerSource()))
                        .add(v);
            }
        }
    }

    private Deserializer<?> deserializer(String topic) {
        return deserializers.computeIfAbsent(topic, t -> {
            Topic<String, ?> known = List.<Topic<String, ?>>of(
                            Topics.INGEST_RAW,
                            Topics.EVENTS,
                            Topics.REJECTED,
                            Topics.DELIVERY_OUTCOMES,
                            Topics.VIOLATIONS)
                    .stream()
                    .filter(k -> k.name().equals(t))
                    .findFirst()
                    .orElseGet(() -> Topics.destination(t.substring("sb.dest.".length())));
            return known.valueSerde().deserializer();
        });
    }

    private void received(RawCall call) {
        Trace t = traceOf(call.getMessageId());
        t.received(call);
        source(call.getSourceId()).add(t);
    }

    private void routed(Event event) {
        Trace t = traceOf(event.getMessageId());
        List<Trace.Routing> decisions = decisions(event);
        t.event(event, decisions);
        Instant at = event.getReceivedAt();
        for (Trace.Routing d : decisions) {
            switch (d.outcome()) {
                case "integrations" -> ledger(d.destinationId()).count(Step.SKIPPED_INTEGRATIONS, at, 1);
                case "filter" -> ledger(d.destinationId()).count(Step.DROPPED_FILTER, at, 1);
                default -> {}
            }
        }
    }

    /** Fan-out's decision for each connection of the event's source, in the workspace as it is now. */
    private List<Trace.Routing> decisions(Event event) {
        CompiledWorkspace ws =
                config.current().workspace(event.getWorkspaceId()).orElse(null);
        if (ws == null) {
            return List.of();
        }
        ObjectNode json;
        try {
            json = (ObjectNode) JSON.readTree(event.getJson());
        } catch (Exception e) {
            return List.of();
        }
        Map<String, Route> routes = new HashMap<>();
        for (Route r : ws.routes(event.getSourceId())) {
            routes.put(r.destination().id(), r);
        }
        List<Trace.Routing> out = new ArrayList<>();
        for (ConnectionConfig c : ws.config().connections()) {
            if (!c.source().equals(event.getSourceId())) {
                continue;
            }
            String name =
                    ws.destination(c.destination()).map(d -> d.displayName()).orElse(c.destination());
            Route route = routes.get(c.destination());
            String outcome;
            if (route == null) {
                outcome = "disabled";
            } else {
                FanOutStage.Skip skip = FanOutStage.decide(route, json).skip();
                outcome = skip == null ? "routed" : skip == FanOutStage.Skip.INTEGRATIONS ? "integrations" : "filter";
            }
            out.add(new Trace.Routing(c.destination(), name, outcome));
        }
        return out;
    }

    private void rejected(Rejected r) {
        Trace t = r.getMessageId() == null
                ? new Trace("rejected-" + r.getRejectedAt().toEpochMilli())
                : traceOf(r.getMessageId());
        t.rejected(r);
        if (t.received() == null && r.getSourceId() != null) {
            source(r.getSourceId()).add(t); // refused at ingest: never on sb.ingest.raw
        }
        Instant at = r.getRejectedAt();
        if (r.getDestinationId() != null) {
            ledger(r.getDestinationId()).count(Step.MAPPER_REJECTED, at, 1);
            return;
        }
        if (r.getSourceId() == null || r.getWorkspaceId() == null) {
            return;
        }
        Step step = Stage.INGEST.wireName().equals(r.getStage()) ? Step.INGEST_REFUSED : Step.ROUTER_REJECTED;
        config.current().workspace(r.getWorkspaceId()).ifPresent(ws -> {
            for (ConnectionConfig c : ws.config().connections()) {
                if (c.source().equals(r.getSourceId())) {
                    ledger(c.destination()).count(step, at, 1);
                }
            }
        });
    }

    private void delivered(DeliveryOutcome o) {
        DestinationRequest request = null;
        for (String id : o.getMessageIds()) {
            Trace t = traceOf(id);
            t.outcome(o);
            if (request == null) {
                request = t.requests().stream()
                        .filter(q -> q.getDestinationId().equals(o.getDestinationId()))
                        .reduce((a, b) -> b)
                        .orElse(null);
            }
        }
        ledger(o.getDestinationId()).outcome(o, request);
    }

    private Trace traceOf(String messageId) {
        return traces.computeIfAbsent(messageId, Trace::new);
    }

    private SourceLog source(String id) {
        return sources.computeIfAbsent(id, s -> new SourceLog(limits.callsPerSource()));
    }

    private DeliveryLedger ledger(String id) {
        return ledgers.computeIfAbsent(id, d -> new DeliveryLedger(limits.errorsPerDestination()));
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
