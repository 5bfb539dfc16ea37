/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.enrich;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.calls.CallRules;
import dev.switchboard.calls.Timestamps;
import dev.switchboard.router.internal.Enriched;
import dev.switchboard.router.internal.Parsed;
import dev.switchboard.router.support.Json;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.RawCall;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Server-set fields, as Segment sets them. Timestamps (segment-spec §1.9):
 *
 * <ul>
 *   <li>{@code originalTimestamp}: the client's {@code timestamp} when it sent one, else its
 *       {@code originalTimestamp} (clients such as rudder send only that); absent when neither.
 *   <li>{@code timestamp}: {@code receivedAt - (sentAt - originalTimestamp)} when both exist (clock
 *       skew correction); {@code originalTimestamp} when there is no {@code sentAt}; else
 *       {@code receivedAt}.
 *   <li>{@code sentAt}: the call's own, else the batch's (recorded by the tracking API).
 * </ul>
 */
public final class Enricher {

    private Enricher() {}

    public static Enriched enrich(Parsed parsed) {
        ObjectNode json = parsed.json();
        RawCall raw = parsed.raw();
        CallRules.removeCredentials(json);
        if (Json.text(json, "messageId") == null) {
            json.put("messageId", raw.getMessageId());
        }
        Instant receivedAt = raw.getReceivedAt();
        json.put("receivedAt", Timestamps.format(receivedAt));

        Optional<Instant> sentAt = instant(json, "sentAt");
        if (sentAt.isEmpty() && raw.getSentAt() != null) {
            sentAt = Timestamps.parse(raw.getSentAt());
            sentAt.ifPresent(s -> json.put("sentAt", raw.getSentAt()));
        }
        String clientTime = Json.text(json, "timestamp") != null
                ? Json.text(json, "timestamp")
                : Json.text(json, "originalTimestamp");
        Optional<Instant> original = Timestamps.parse(clientTime);
        if (clientTime != null) {
            json.put("originalTimestamp", clientTime);
        }
        Optional<Instant> sent = sentAt;
        Instant timestamp = original.map(o ->
                        sent.map(s -> receivedAt.minus(Duration.between(o, s))).orElse(o))
                .orElse(receivedAt);
        json.put("timestamp", Timestamps.format(timestamp));

        if (raw.getIp() != null && Json.text(json.path("context"), "ip") == null) {
            ObjectNode context = json.get("context") instanceof ObjectNode c ? c : json.putObject("context");
            context.put("ip", raw.getIp());
        }
        if (json.get("context") instanceof ObjectNode context && !context.has("userAgentData")) {
            ObjectNode parsedAgent = UserAgents.parse(Json.text(context, "userAgent"));
            if (parsedAgent != null) {
                context.set("userAgentData", parsedAgent);
            }
        }
        byte[] text = Json.bytes(json); // written once: the archive's text and the body of webhook-like mappers
        Event event = Event.newBuilder()
                .setMessageId(json.get("messageId").asText())
                .setType(json.get("type").asText())
                .setUserId(Json.text(json, "userId"))
                .setAnonymousId(Json.text(json, "anonymousId"))
                .setEvent(Json.text(json, "event"))
                .setWorkspaceId(raw.getWorkspaceId())
                .setSourceId(raw.getSourceId())
                .setReceivedAt(receivedAt)
                .setTimestamp(timestamp)
                .setJson(new String(text, StandardCharsets.UTF_8))
                .build();
        return new Enriched(event, json, text);
    }

    private static Optional<Instant> instant(ObjectNode json, String field) {
        return Timestamps.parse(Json.text(json, field));
    }
}
