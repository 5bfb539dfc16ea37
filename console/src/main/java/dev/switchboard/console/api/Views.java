/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.console.live.Recorder;
import dev.switchboard.console.live.Trace;
import dev.switchboard.delivery.recovery.Letter;
import dev.switchboard.schemas.avro.DeliveryAttempt;
import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.Rejected;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON of the admin API's answers about events, requests and attempts. Payloads are passed on as the
 * text they were ({@code raw}), never re-encoded, so what the page shows is exactly what was received; a
 * destination's secrets are masked by its {@link Redactor}.
 */
final class Views {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Redactor> redactors;

    /** {@code redactors}: the redactor of a destination id. */
    Views(Function<String, Redactor> redactors) {
        this.redactors = redactors;
    }

    /** One line of the source debugger. */
    ObjectNode call(Recorder.Call c) {
        Trace t = c.trace();
        ObjectNode n = JSON.createObjectNode();
        n.put("seq", c.seq());
        n.put("messageId", t.messageId());
        RawCall r = t.received();
        Event e = t.event();
        ObjectNode summary = r == null ? null : summary(r.getPayload());
        n.put("type", e != null ? e.getType() : text(summary, "type"));
        n.put("event", e != null ? e.getEvent() : text(summary, "event"));
        n.put("userId", e != null ? e.getUserId() : text(summary, "userId"));
        n.put("anonymousId", e != null ? e.getAnonymousId() : text(summary, "anonymousId"));
        n.put("receivedAt", time(r != null ? r.getReceivedAt() : firstRejection(t)));
        n.put("status", status(t));
        if (!t.rejections().isEmpty()) {
            n.put("reason", t.rejections().get(0).getReason());
        }
        n.put(
                "routed",
                t.routing().stream().filter(x -> x.outcome().equals("routed")).count());
        return n;
    }

    /** Everything known of one messageId, step by step. */
    ObjectNode trace(Trace t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("messageId", t.messageId());
        n.put("sourceId", t.sourceId());
        n.put("status", status(t));
        RawCall r = t.received();
        if (r != null) {
            ObjectNode rec = n.putObject("received");
            rec.put("at", time(r.getReceivedAt()));
            rec.put("path", r.getPath());
            rec.put("ip", r.getIp());
            rec.put("userAgent", r.getUserAgent());
            rec.put("sentAt", r.getSentAt());
            rec.put("raw", r.getPayload());
        }
        Event e = t.event();
        if (e != null) {
            ObjectNode ev = n.putObject("enriched");
            ev.put("at", time(e.getReceivedAt()));
            ev.put("type", e.getType());
            ev.put("timestamp", time(e.getTimestamp()));
            ev.put("raw", e.getJson());
        }
        ArrayNode rejections = n.putArray("rejections");
        for (Rejected x : t.rejections()) {
            ObjectNode j = rejections.addObject();
            j.put("stage", x.getStage());
            j.put("code", x.getCode());
            j.put("reason", x.getReason());
            j.put("destinationId", x.getDestinationId());
            j.put("at", time(x.getRejectedAt()));
            if (x.getOriginal() != null) {
                j.put(
                        "original",
                        StandardCharsets.UTF_8
                                .decode(x.getOriginal().duplicate())
                                .toString());
            }
        }
        ArrayNode routing = n.putArray("routing");
        for (Trace.Routing x : t.routing()) {
            routing.addObject()
                    .put("destinationId", x.destinationId())
                    .put("destination", x.destinationName())
                    .put("outcome", x.outcome());
        }
        ArrayNode requests = n.putArray("requests");
        t.requests().forEach(q -> requests.add(request(q)));
        ArrayNode attempts = n.putArray("attempts");
        t.outcomes().forEach(o -> attempts.add(outcome(o)));
        return n;
    }

    /** A request as the destination got it, secrets masked. */
    ObjectNode request(DestinationRequest q) {
        Redactor red = redactors.apply(q.getDestinationId());
        ObjectNode n = JSON.createObjectNode();
        n.put("destinationId", q.getDestinationId());
        n.put("destinationType", q.getDestinationType());
        n.put("method", q.getMethod());
        n.put("url", red.text(q.getUrl()));
        ObjectNode headers = n.putObject("headers");
        for (Map.Entry<String, String> h : q.getHeaders().entrySet()) {
            headers.put(h.getKey(), red.header(h.getKey(), h.getValue()));
        }
        n.put(
                "body",
                red.text(StandardCharsets.UTF_8.decode(q.getBody().duplicate()).toString()));
        n.put("createdAt", time(q.getCreatedAt()));
        n.put("replayId", q.getReplayId());
        ArrayNode ids = n.putArray("messageIds");
        q.getMessageIds().forEach(ids::add);
        return n;
    }

    /** One delivery attempt's outcome. */
    ObjectNode outcome(DeliveryOutcome o) {
        Redactor red = redactors.apply(o.getDestinationId());
        ObjectNode n = JSON.createObjectNode();
        n.put("destinationId", o.getDestinationId());
        n.put("status", o.getStatus().name().toLowerCase(java.util.Locale.ROOT));
        n.put("attempt", o.getAttempt());
        if (o.getHttpStatus() != null) {
            n.put("httpStatus", o.getHttpStatus());
        }
        n.put("latencyMs", o.getLatencyMs());
        n.put("errorClass", o.getErrorClass());
        n.put("error", red.text(o.getError()));
        ObjectNode headers = n.putObject("responseHeaders");
        o.getResponseHeaders().forEach((k, v) -> headers.put(k, red.header(k, v)));
        n.put("responseBody", red.text(o.getResponseSample()));
        n.put("at", time(o.getAttemptedAt()));
        n.put("replayId", o.getReplayId());
        return n;
    }

    /** A dead letter: its request, every attempt, and whether it was redriven. */
    ObjectNode letter(Letter l, boolean whole) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", l.id());
        n.put("deadLetteredAt", time(l.deadLetteredAt()));
        n.put("reason", l.letter().getReason());
        n.put("lastStatus", l.lastStatus());
        ArrayNode ids = n.putArray("messageIds");
        l.letter().getRequest().getMessageIds().forEach(ids::add);
        n.put("attempts", l.letter().getAttempts().size());
        if (l.redrive() != null) {
            n.putObject("redriven")
                    .put("redriveId", l.redrive().getRedriveId())
                    .put("at", time(l.redrive().getRedrivenAt()));
        }
        if (whole) {
            Redactor red = redactors.apply(l.letter().getRequest().getDestinationId());
            n.set("request", request(l.letter().getRequest()));
            ArrayNode attempts = n.putArray("attemptList");
            for (DeliveryAttempt a : l.letter().getAttempts()) {
                ObjectNode x = attempts.addObject();
                x.put("attempt", a.getAttempt());
                x.put("at", time(a.getAttemptedAt()));
                x.put("latencyMs", a.getLatencyMs());
                if (a.getHttpStatus() != null) {
                    x.put("httpStatus", a.getHttpStatus());
                }
                x.put("errorClass", a.getErrorClass());
                x.put("error", red.text(a.getError()));
                ObjectNode headers = x.putObject("responseHeaders");
                a.getResponseHeaders().forEach((k, v) -> headers.put(k, red.header(k, v)));
                x.put("responseBody", red.text(a.getResponseBody()));
            }
        }
        return n;
    }

    /** The status of a call the router has not judged yet. */
    static final String RECEIVED = "received";

    /** {@value #RECEIVED}, rejected, routed (to at least one destination) or not routed (to none). */
    static String status(Trace t) {
        if (!t.rejections().isEmpty() && t.event() == null) {
            return "rejected";
        }
        if (t.event() == null) {
            return RECEIVED;
        }
        return t.routing().stream().anyMatch(x -> x.outcome().equals("routed")) ? "routed" : "not routed";
    }

    private static Instant firstRejection(Trace t) {
        return t.rejections().isEmpty() ? null : t.rejections().get(0).getRejectedAt();
    }

    static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    /** The few top-level fields of a call's JSON the list shows, or null when it is not an object. */
    private static ObjectNode summary(String payload) {
        try {
            return JSON.readTree(payload) instanceof ObjectNode o ? o : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(ObjectNode n, String field) {
        return n != null && n.path(field).isTextual() ? n.path(field).asText() : null;
    }
}
