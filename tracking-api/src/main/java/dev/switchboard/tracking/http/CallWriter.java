/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.ops.HttpReplies;
import dev.switchboard.tracking.calls.ItemRejection;
import dev.switchboard.tracking.calls.SplitResult;
import dev.switchboard.tracking.metrics.IngestMetrics;
import dev.switchboard.tracking.produce.IngestProducer;
import dev.switchboard.tracking.produce.KafkaHealth;
import dev.switchboard.tracking.produce.Records;
import dev.switchboard.tracking.produce.RequestMeta;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a request's records and answers it: 200 only when Kafka acknowledged every record (accepted
 * calls on {@code sb.ingest.raw}, refused batch items on {@code sb.rejected}); 503 with
 * {@code Retry-After} when Kafka is known to be down, a write fails, or the acknowledgement takes
 * longer than the ack timeout. A 503 may follow a write that later succeeds: the SDK retries with
 * the same messageIds and the router's dedupe absorbs the copy (at least once, never lost).
 */
public final class CallWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CallWriter.class);

    private final IngestProducer producer;
    private final KafkaHealth health;
    private final IngestMetrics metrics;
    private final ObjectMapper mapper;
    private final Duration ackTimeout;
    private final Duration retryAfter;

    public CallWriter(
            IngestProducer producer,
            KafkaHealth health,
            IngestMetrics metrics,
            ObjectMapper mapper,
            Duration ackTimeout,
            Duration retryAfter) {
        this.producer = producer;
        this.health = health;
        this.metrics = metrics;
        this.mapper = mapper;
        this.ackTimeout = ackTimeout;
        this.retryAfter = retryAfter;
    }

    public void write(RoutingContext ctx, SplitResult result, RequestMeta meta, long startedNanos) {
        if (!health.reachable()) {
            HttpReplies.unavailable(ctx, retryAfter, "Kafka is unreachable; nothing was written, retry later");
            return;
        }
        Context context = Vertx.currentContext();
        producer.send(Records.rawCalls(result.accepted(), meta), Records.rejections(result.rejected(), meta))
                .orTimeout(ackTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, error) -> context.runOnContext(v -> {
                    if (error == null) {
                        acknowledged(ctx, result, meta, startedNanos);
                    } else {
                        failed(ctx, error);
                    }
                }));
    }

    private void acknowledged(RoutingContext ctx, SplitResult result, RequestMeta meta, long startedNanos) {
        metrics.ackLatency(System.nanoTime() - startedNanos);
        metrics.accepted(meta.sourceId(), result.accepted().size());
        result.rejected()
                .forEach(r -> metrics.rejected(meta.sourceId(), r.rejection().code()));
        if (result.rejected().isEmpty()) {
            HttpReplies.json(ctx, 200, HttpReplies.SUCCESS);
            return;
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("success", true);
        body.put("accepted", result.accepted().size());
        ArrayNode rejected = body.putArray("rejected");
        for (ItemRejection r : result.rejected()) {
            ObjectNode item = rejected.addObject();
            item.put("index", r.index());
            item.put("code", r.rejection().code());
            item.put("message", r.rejection().message());
            if (r.rejection().field() != null) {
                item.put("field", r.rejection().field());
            }
        }
        HttpReplies.json(ctx, 200, body.toString());
    }

    private void failed(RoutingContext ctx, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException || cause instanceof RetriableException) {
            health.markUnreachable();
        }
        LOG.warn("write to Kafka failed, answering 503: {}", cause.toString());
        HttpReplies.unavailable(ctx, retryAfter, "Kafka did not acknowledge the write; retry later");
    }
}
