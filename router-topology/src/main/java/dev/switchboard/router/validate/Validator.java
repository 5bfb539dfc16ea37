/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.router.internal.Timestamps;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The spec's rules for one call (segment-spec §1.7 and §2.1), as a pure function. */
public final class Validator {

    static final Set<String> TYPES =
            new java.util.TreeSet<>(List.of("alias", "group", "identify", "page", "screen", "track"));
    private static final int MAX_MESSAGE_ID = 100;

    private Validator() {}

    /**
     * Checks {@code event} and coerces numeric {@code userId}, {@code anonymousId}, {@code previousId}
     * and {@code groupId} to strings in place (empty strings and nulls count as absent).
     */
    public static Optional<Violation> check(ObjectNode event) {
        JsonNode type = event.get("type");
        if (type == null || !type.isTextual() || !TYPES.contains(type.asText())) {
            return violation("type_invalid", "'type' must be one of " + TYPES + ", got " + describe(type));
        }
        for (String id : new String[] {"userId", "anonymousId", "previousId", "groupId", "messageId"}) {
            if (!coerceId(event, id)) {
                return violation(
                        "id_not_string", "'" + id + "' must be a string or a number, got " + describe(event.get(id)));
            }
        }
        if (has(event, "messageId") && event.get("messageId").asText().length() > MAX_MESSAGE_ID) {
            return violation("message_id_too_long", "'messageId' is longer than " + MAX_MESSAGE_ID + " characters");
        }
        String t = type.asText();
        if (t.equals("alias")) {
            if (!has(event, "userId") || !has(event, "previousId")) {
                return violation("id_required", "an alias needs both 'userId' and 'previousId'");
            }
        } else if (!has(event, "userId") && !has(event, "anonymousId")) {
            return violation("no_user_anon_id", "a " + t + " call needs a non-empty 'userId' or 'anonymousId'");
        }
        return switch (t) {
            case "track" -> trackRules(event);
            case "group" ->
                has(event, "groupId")
                        ? objects(event, "traits")
                        : violation("id_required", "a group call needs a non-empty 'groupId'");
            case "page", "screen" -> pageRules(event);
            case "identify" -> objects(event, "traits");
            default -> common(event);
        };
    }

    private static Optional<Violation> trackRules(ObjectNode event) {
        JsonNode name = event.get("event");
        if (name == null || name.isNull() || (name.isTextual() && name.asText().isEmpty())) {
            return violation("event_not_defined", "a track call needs a non-empty 'event' name");
        }
        if (!name.isTextual()) {
            return violation("event_not_string", "'event' must be a string, got " + describe(name));
        }
        return objects(event, "properties");
    }

    private static Optional<Violation> pageRules(ObjectNode event) {
        for (String field : new String[] {"name", "category"}) {
            JsonNode v = event.get(field);
            if (v != null && !v.isNull() && !(v.isTextual() && !v.asText().isEmpty())) {
                return violation(
                        field + "_not_string", "'" + field + "' must be a non-empty string, got " + describe(v));
            }
        }
        return objects(event, "properties");
    }

    private static Optional<Violation> objects(ObjectNode event, String payloadField) {
        JsonNode v = event.get(payloadField);
        if (v != null && !v.isNull() && !v.isObject()) {
            return violation(
                    payloadField + "_not_object", "'" + payloadField + "' must be an object, got " + describe(v));
        }
        return common(event);
    }

    private static Optional<Violation> common(ObjectNode event) {
        for (String field : new String[] {"context", "integrations", "properties", "traits"}) {
            JsonNode v = event.get(field);
            if (v != null && !v.isNull() && !v.isObject()) {
                return violation(field + "_not_object", "'" + field + "' must be an object, got " + describe(v));
            }
        }
        for (String field : new String[] {"timestamp", "originalTimestamp", "sentAt"}) {
            JsonNode v = event.get(field);
            if (v != null
                    && !v.isNull()
                    && (!v.isTextual() || Timestamps.parse(v.asText()).isEmpty())) {
                return violation(
                        "timestamp_invalid", "'" + field + "' must be an ISO-8601 date-time, got " + describe(v));
            }
        }
        return Optional.empty();
    }

    /** Numbers become strings; empty strings and nulls are removed. False when of another type. */
    private static boolean coerceId(ObjectNode event, String field) {
        JsonNode v = event.get(field);
        if (v == null) {
            return true;
        }
        if (v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            event.remove(field);
            return true;
        }
        if (v.isIntegralNumber() || v.isBigDecimal() || v.isDouble() || v.isFloat()) {
            event.put(
                    field,
                    v.isIntegralNumber()
                            ? v.bigIntegerValue().toString()
                            : v.decimalValue().toPlainString());
            return true;
        }
        return v.isTextual();
    }

    private static boolean has(ObjectNode event, String field) {
        JsonNode v = event.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty();
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        String text = v.toString();
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    private static Optional<Violation> violation(String code, String reason) {
        return Optional.of(new Violation(code, reason));
    }
}
