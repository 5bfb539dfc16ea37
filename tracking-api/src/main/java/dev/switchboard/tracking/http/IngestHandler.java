/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.calls.CallType;
import dev.switchboard.calls.Rejection;
import dev.switchboard.ops.HttpReplies;
import dev.switchboard.ops.OpsHandlers;
import dev.switchboard.tracking.auth.ClientAddress;
import dev.switchboard.tracking.auth.WriteKeys;
import dev.switchboard.tracking.calls.BodyParser;
import dev.switchboard.tracking.calls.BodyParser.ParsedBody;
import dev.switchboard.tracking.calls.CallSplitter;
import dev.switchboard.tracking.calls.SplitResult;
import dev.switchboard.tracking.config.TrackingApiConfig;
import dev.switchboard.tracking.config.TrackingApiConfig.UnknownWriteKey;
import dev.switchboard.tracking.limits.BodyReader;
import dev.switchboard.tracking.limits.ContentDecoder;
import dev.switchboard.tracking.limits.SourceRateLimiter;
import dev.switchboard.tracking.metrics.IngestMetrics;
import dev.switchboard.tracking.produce.RequestMeta;
import dev.switchboard.workspace.ConfigSnapshot.SourceRef;
import dev.switchboard.workspace.ConfigView;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Serves {@code POST /v1/<call>}: every call endpoint, its analytics.js short form, and the batch
 * endpoints ({@code batch}, {@code import}, {@code b}). In order: bounded body, content decoding, JSON,
 * write key, source, rate limit, required fields, then the write ({@link CallWriter}). Every failure
 * is answered with a status and a JSON reason; nothing is written for a request answered 4xx.
 */
public final class IngestHandler implements Handler<RoutingContext> {

    /** Key of the canonical path in the routing context, for the metrics tag. */
    private final TrackingApiConfig config;

    private final ConfigView configView;
    private final CallSplitter splitter;
    private final BodyParser parser;
    private final ClientAddress clientAddress;
    private final SourceRateLimiter rateLimiter;
    private final IngestMetrics metrics;
    private final CallWriter writer;

    public IngestHandler(
            TrackingApiConfig config,
            ConfigView configView,
            ObjectMapper mapper,
            SourceRateLimiter rateLimiter,
            IngestMetrics metrics,
            CallWriter writer) {
        this.config = config;
        this.configView = configView;
        this.splitter = new CallSplitter(mapper, config.maxEventBytes(), config.maxBatchEvents());
        this.parser = new BodyParser(mapper);
        this.clientAddress = new ClientAddress(config.trustedProxies());
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
        this.writer = writer;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String segment = ctx.pathParam("param0");
        Optional<CallType> type = CallType.fromPath(segment);
        boolean batch = segment.equals("batch") || segment.equals("import") || segment.equals("b");
        if (type.isEmpty() && !batch) {
            HttpReplies.error(
                    ctx, 404, "not_found", "no such endpoint: " + ctx.request().path(), null);
            return;
        }
        ctx.put(OpsHandlers.METRIC_PATH, "/v1/" + segment);
        int limit = batch ? config.maxBatchBytes() : config.maxCallBytes();
        BodyReader.read(ctx.request(), limit, new BodyReader.Callbacks() {
            @Override
            public void body(Buffer body) {
                onBody(ctx, type.orElse(null), body);
            }

            @Override
            public void tooLarge(boolean closeConnection) {
                if (closeConnection) {
                    // The rest of the body was not read: the connection cannot carry another request.
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    ctx.addEndHandler(v -> ctx.request().connection().close());
                }
                HttpReplies.error(ctx, 400, "payload_too_large", "the body is larger than " + limit + " bytes", null);
            }
        });
    }

    /** {@code type} is null for a batch. */
    private void onBody(RoutingContext ctx, CallType type, Buffer raw) {
        Instant receivedAt = Instant.now();
        long started = System.nanoTime();
        HttpServerRequest request = ctx.request();
        int limit = type == null ? config.maxBatchBytes() : config.maxCallBytes();
        ParsedBody parsed;
        try {
            byte[] bytes =
                    ContentDecoder.decode(raw.getBytes(), request.getHeader(HttpHeaders.CONTENT_ENCODING), limit);
            parsed = parser.parse(bytes);
        } catch (ContentDecoder.DecodeException e) {
            HttpReplies.error(ctx, 400, e.tooLarge() ? "payload_too_large" : "bad_request", e.getMessage(), null);
            return;
        } catch (BodyParser.BadBodyException e) {
            HttpReplies.error(ctx, 400, "bad_request", e.getMessage(), null);
            return;
        }
        ObjectNode body = parsed.root().fields();
        JsonNode bodyKey = body.get("writeKey");
        String writeKey = WriteKeys.find(
                request.getHeader(HttpHeaders.AUTHORIZATION),
                request.getHeader("X-Write-Key"),
                bodyKey != null && bodyKey.isTextual() ? bodyKey.textValue() : null);
        Optional<SourceRef> source = authenticate(ctx, writeKey, type == null ? batchSize(parsed) : 1);
        if (source.isEmpty() || !allowed(ctx, source.get())) {
            return;
        }
        SplitResult result;
        if (type == null) {
            Optional<Rejection> envelope = splitter.checkBatch(parsed);
            if (envelope.isPresent()) {
                reject(ctx, source.get(), envelope.get());
                return;
            }
            result = splitter.batch(parsed);
        } else {
            result = splitter.single(parsed.root(), type);
            if (!result.rejected().isEmpty()) {
                reject(ctx, source.get(), result.rejected().get(0).rejection());
                return;
            }
        }
        RequestMeta meta = new RequestMeta(
                receivedAt,
                source.get().workspace().id(),
                source.get().source().id(),
                clientAddress.resolve(peer(request), request.getHeader("X-Forwarded-For")),
                request.getHeader(HttpHeaders.USER_AGENT),
                request.path());
        writer.write(ctx, result, meta, started);
    }

    /** The source of the write key, or empty when the request was answered (401 or Segment's silent 200). */
    private Optional<SourceRef> authenticate(RoutingContext ctx, String writeKey, int events) {
        if (writeKey == null) {
            HttpReplies.error(
                    ctx,
                    401,
                    "unknown_source",
                    "no write key: send it as the HTTP Basic user, an X-Write-Key header or writeKey in the body",
                    "writeKey");
            return Optional.empty();
        }
        Optional<SourceRef> source = configView.current().sourceByWriteKey(writeKey);
        if (source.isEmpty()) {
            refuse(ctx, 401, "unknown_source", "unknown writeKey: no source of this deployment has it", events);
        } else if (!source.get().source().enabled()) {
            refuse(ctx, 403, "source_disabled", "the source of this writeKey is disabled", events);
            return Optional.empty();
        }
        return source;
    }

    private void refuse(RoutingContext ctx, int status, String code, String message, int events) {
        if (config.unknownWriteKey() == UnknownWriteKey.DROP) {
            metrics.dropped(code, events);
            HttpReplies.json(ctx, 200, HttpReplies.SUCCESS);
        } else {
            HttpReplies.error(ctx, status, code, message, "writeKey");
        }
    }

    private boolean allowed(RoutingContext ctx, SourceRef source) {
        SourceRateLimiter.Decision decision =
                rateLimiter.tryAcquire(source.source().id());
        if (decision.allowed()) {
            return true;
        }
        long seconds = Math.max(1, (decision.retryAfterNanos() + 999_999_999L) / 1_000_000_000L);
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        ctx.response().putHeader("X-RateLimit-Reset", Long.toString(seconds));
        metrics.rejected(source.source().id(), "rate_limited");
        HttpReplies.error(ctx, 429, "rate_limited", "too many requests for this source; retry later", null);
        return false;
    }

    private void reject(RoutingContext ctx, SourceRef source, Rejection rejection) {
        metrics.rejected(source.source().id(), rejection.code());
        HttpReplies.error(ctx, 400, rejection.code(), rejection.message(), rejection.field());
    }

    private static int batchSize(ParsedBody body) {
        JsonNode batch = body.root().fields().get("batch");
        return batch != null && batch.isArray() ? body.items().size() : 1;
    }

    private static String peer(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
