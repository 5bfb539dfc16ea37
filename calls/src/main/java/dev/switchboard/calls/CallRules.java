/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Segment's rules for one call (segment-spec.md §1.7, §1.9), the only copy: the tracking API checks
 * them before it answers, and the router checks them again on what it reads (a raw record written by
 * another producer, or by an older API). Codes are Segment's ingest discard codes where one exists.
 *
 * <p>What the rules accept in more than one form is written in one form by {@link #normalize}: an
 * integral {@code groupId} or a numeric {@code messageId} becomes a string; a null id is removed.
 */
public final class CallRules {

    /** Segment's documented limit on {@code messageId}. */
    public static final int MAX_MESSAGE_ID_LENGTH = 100;

    private static final String[] IDS = {"userId", "anonymousId", "previousId", "groupId", "messageId"};
    private static final String[] TIMESTAMPS = {"timestamp", "originalTimestamp", "sentAt"};

    private CallRules() {}

    /** The first problem of {@code call} as a {@code type} call, or empty when it is acceptable. */
    public static Optional<Rejection> check(ObjectNode call, CallType type) {
        Optional<Rejection> common = commonFields(call);
        if (common.isPresent()) {
            return common;
        }
        Optional<Rejection> ids = type == CallType.ALIAS ? aliasIds(call) : userOrAnonymousId(call);
        if (ids.isPresent()) {
            return ids;
        }
        return switch (type) {
            case TRACK -> track(call);
            case IDENTIFY -> objectField(call, "traits", "traits_not_object");
            case GROUP -> group(call);
            case PAGE, SCREEN -> pageOrScreen(call);
            case ALIAS -> Optional.empty();
        };
    }

    /** The problem of a {@code type} field that names no call. */
    public static Rejection unknownType() {
        return Rejection.of("bad_request", "type", "type must be one of " + String.join(", ", CallType.wireNames()));
    }

    /**
     * Writes what the rules accept in more than one form in its one form, {@code type} included (read
     * case-insensitively); call only after {@link #check} accepted the call.
     */
    public static void normalize(ObjectNode call, CallType type) {
        call.put("type", type.wireName());
        for (String field : IDS) {
            JsonNode v = call.get(field);
            if (v == null) {
                continue;
            }
            if (v.isNull()) {
                call.remove(field);
            } else if (v.isIntegralNumber()) {
                call.put(field, v.bigIntegerValue().toString());
            } else if (v.isNumber()) {
                call.put(field, v.decimalValue().toPlainString());
            }
        }
    }

    /** Removes the write key from a payload: it is a credential, and the source id travels beside the payload. */
    public static void removeCredentials(ObjectNode call) {
        call.remove("writeKey");
    }

    private static Optional<Rejection> commonFields(ObjectNode call) {
        for (String field : new String[] {"context", "integrations"}) {
            JsonNode v = call.get(field);
            if (v != null && !v.isNull() && !v.isObject()) {
                return reject("bad_request", field, field + " must be an object");
            }
        }
        JsonNode messageId = call.get("messageId");
        if (messageId != null && !messageId.isNull() && !messageId.isTextual() && !messageId.isNumber()) {
            return reject("id_not_string", "messageId", "messageId must be a string, got " + describe(messageId));
        }
        if (messageId != null && messageId.isValueNode() && messageId.asText().length() > MAX_MESSAGE_ID_LENGTH) {
            return reject(
                    "message_id_too_long",
                    "messageId",
                    "messageId must be at most " + MAX_MESSAGE_ID_LENGTH + " characters");
        }
        for (String field : TIMESTAMPS) {
            JsonNode v = call.get(field);
            if (v != null
                    && !v.isNull()
                    && (!v.isTextual() || Timestamps.parse(v.textValue()).isEmpty())) {
                return reject("timestamp_invalid", field, field + " must be an ISO-8601 date-time, got " + describe(v));
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> userOrAnonymousId(ObjectNode call) {
        JsonNode userId = call.get("userId");
        JsonNode anonymousId = call.get("anonymousId");
        boolean noUser = userId == null || userId.isNull();
        boolean noAnon = anonymousId == null || anonymousId.isNull();
        if (noUser && noAnon) {
            return reject("no_user_anon_id", "userId", "userId or anonymousId is required");
        }
        if (!noUser && !isId(userId)) {
            return reject("id_not_string", "userId", "userId must be a non-empty string");
        }
        if (!noAnon && !isId(anonymousId)) {
            return reject("id_not_string", "anonymousId", "anonymousId must be a non-empty string");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> aliasIds(ObjectNode call) {
        for (String field : new String[] {"userId", "previousId"}) {
            JsonNode v = call.get(field);
            if (v == null || v.isNull()) {
                return reject("id_required", field, "alias requires " + field);
            }
            if (!isId(v)) {
                return reject("id_not_string", field, field + " must be a non-empty string");
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> track(ObjectNode call) {
        JsonNode event = call.get("event");
        if (event == null || event.isNull()) {
            return reject("event_not_defined", "event", "track requires event");
        }
        if (!event.isTextual() || event.textValue().isBlank()) {
            return reject("event_not_string", "event", "event must be a non-empty string");
        }
        return objectField(call, "properties", "properties_not_object");
    }

    private static Optional<Rejection> group(ObjectNode call) {
        JsonNode groupId = call.get("groupId");
        if (groupId == null || groupId.isNull()) {
            return reject("id_required", "groupId", "group requires groupId");
        }
        if (!(isId(groupId) || groupId.isIntegralNumber())) {
            return reject("id_not_string", "groupId", "groupId must be a non-empty string");
        }
        return objectField(call, "traits", "traits_not_object");
    }

    private static Optional<Rejection> pageOrScreen(ObjectNode call) {
        for (String field : new String[] {"name", "category"}) {
            JsonNode v = call.get(field);
            if (v != null && !v.isNull() && !(v.isTextual() && !v.textValue().isEmpty())) {
                return reject(field + "_not_string", field, field + " must be a non-empty string when present");
            }
        }
        return objectField(call, "properties", "properties_not_object");
    }

    private static Optional<Rejection> objectField(ObjectNode call, String field, String code) {
        JsonNode v = call.get(field);
        if (v != null && !v.isNull() && !v.isObject()) {
            return reject(code, field, field + " must be an object");
        }
        return Optional.empty();
    }

    private static boolean isId(JsonNode v) {
        return v.isTextual() && !v.textValue().isEmpty();
    }

    /** The value's JSON type and its first 40 characters, for a message a developer can act on. */
    private static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        String text = v.toString();
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    private static Optional<Rejection> reject(String code, String field, String message) {
        return Optional.of(Rejection.of(code, field, message));
    }
}
