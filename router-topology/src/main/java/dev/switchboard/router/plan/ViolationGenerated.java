/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.router.support.Json;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.Violation;
import dev.switchboard.schemas.avro.ViolationKind;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * One violation as the {@code Violation Generated} track call Segment's Forward Violations sends:
 * Segment's documented properties ({@code eventMessageID}, {@code eventName}, {@code eventType},
 * {@code sourceID}, {@code violationType}, {@code violationField}, {@code violationDescription}, ...)
 * and {@code context.app} and {@code context.library} of the judged event, from the user
 * {@code schema-violations}. Switchboard adds what its {@code Violation} record knows besides:
 * {@code violationKind}, {@code violationPointer}, {@code expected}, {@code actual},
 * {@code trackingPlanVersion}, {@code enforcement}, {@code blocked}. Pure and deterministic: the
 * messageId is derived from the judged event's messageId, the pointer and the kind, and the times
 * are the judged event's, so judging the same event again makes the same call.
 */
final class ViolationGenerated {

    static final String EVENT = "Violation Generated";
    static final String USER_ID = "schema-violations";

    private ViolationGenerated() {}

    /** The messageId of the call for violation {@code v}: the same for the same event, pointer and kind. */
    static String messageId(Violation v) {
        String key = v.getMessageId()
                + '\u0000'
                + v.getPointer()
                + '\u0000'
                + v.getKind().name();
        return "sch-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The enriched call, as if source {@code sourceName} had sent it. */
    static ObjectNode call(Violation v, Event judged, ObjectNode judgedJson, String sourceName) {
        ObjectNode call = Json.MAPPER.createObjectNode();
        call.put("type", "track").put("event", EVENT).put("userId", USER_ID).put("messageId", messageId(v));
        ObjectNode context = call.putObject("context");
        JsonNode app = judgedJson.path("context").get("app");
        context.set("app", app == null ? context.nullNode() : app.deepCopy());
        JsonNode library = judgedJson.path("context").get("library");
        if (library != null) {
            context.set("library", library.deepCopy());
        }
        call.putObject("integrations");
        String field = field(v.getPointer());
        ObjectNode p = call.putObject("properties");
        p.put("appVersion", app == null ? "" : app.path("version").asText(""));
        p.put("eventMessageID", v.getMessageId());
        p.put("eventName", v.getEvent());
        p.put("eventSentAt", Json.text(judgedJson, "sentAt"));
        p.put("eventTimestamp", Json.text(judgedJson, "timestamp"));
        p.put("eventType", v.getType());
        p.put("sourceID", v.getSourceId());
        p.put("sourceName", sourceName);
        p.put("sourceSlug", v.getSourceId());
        p.put("trackingPlanVersion", v.getPlanVersion());
        p.put("violationDescription", description(v, field));
        p.put("violationField", field);
        p.put("violationType", type(v.getKind()));
        p.put("violationKind", v.getKind().name());
        p.put("violationPointer", v.getPointer());
        p.put("expected", v.getExpected());
        p.put("actual", v.getActual());
        p.put("enforcement", v.getEnforcement());
        p.put("blocked", v.getBlocked());
        String receivedAt = Json.text(judgedJson, "receivedAt");
        call.put("receivedAt", receivedAt);
        call.put("timestamp", receivedAt);
        return call;
    }

    /**
     * Segment's {@code violationType}: {@code Required} as Segment documents it; the other kinds by
     * their words ({@code TYPE_MISMATCH} is {@code Type Mismatch}).
     */
    static String type(ViolationKind kind) {
        if (kind == ViolationKind.REQUIRED_MISSING) {
            return "Required";
        }
        StringBuilder out = new StringBuilder();
        for (String word : kind.name().split("_")) {
            out.append(out.isEmpty() ? "" : " ")
                    .append(word.charAt(0))
                    .append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /** A JSON pointer as Segment's dotted {@code violationField}: {@code /properties/price} is {@code properties.price}. */
    static String field(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String token : pointer.substring(1).split("/", -1)) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(token.replace("~1", "/").replace("~0", "~"));
        }
        return out.toString();
    }

    private static String description(Violation v, String field) {
        String what = field.isEmpty() ? "the event" : field;
        return switch (v.getKind()) {
            case REQUIRED_MISSING -> what + " is required";
            case UNPLANNED_EVENT -> "'" + v.getActual() + "' is not in the tracking plan";
            case UNPLANNED_PROPERTY -> what + " is not in the tracking plan";
            case TYPE_MISMATCH, INVALID_VALUE -> what + " must be " + v.getExpected() + ", got " + v.getActual();
        };
    }
}
