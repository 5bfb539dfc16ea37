/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.calls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.calls.CallRules;
import dev.switchboard.calls.CallType;
import dev.switchboard.calls.Rejection;
import dev.switchboard.schemas.Keys;
import dev.switchboard.tracking.calls.BodyParser.BatchItem;
import dev.switchboard.tracking.calls.BodyParser.ParsedBody;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a parsed body ({@link BodyParser}) into calls. A single call takes its {@code type} from the
 * path; a batch is split into items, each with the batch's {@code context} and {@code integrations}
 * deep-merged in (the item's own keys win). Every call gets a {@code messageId} (its own, else a fresh
 * UUID written into the payload, so that replays of the raw record are stable). {@code writeKey} is
 * removed from payloads: it is a credential, and the source id travels beside the payload.
 *
 * <p>{@code CallRules} judge each call's shallow tree ({@link ScannedCall#fields}); the payload is the
 * client's bytes with only these changes written anew ({@link CallBytes}).
 */
public final class CallSplitter {

    private static final String[] MERGED = {"context", "integrations"};

    private final ObjectMapper mapper;
    private final int maxEventBytes;
    private final int maxBatchEvents;

    public CallSplitter(ObjectMapper mapper, int maxEventBytes, int maxBatchEvents) {
        this.mapper = mapper;
        this.maxEventBytes = maxEventBytes;
        this.maxBatchEvents = maxBatchEvents;
    }

    /** One call posted to the endpoint of {@code type}: accepted, or the reason it is not. */
    public SplitResult single(ScannedCall call, CallType type) {
        ObjectNode fields = call.fields();
        CallRules.removeCredentials(fields);
        fields.put("type", type.wireName());
        Optional<Rejection> problem = CallRules.check(fields, type);
        if (problem.isPresent()) {
            String original = new CallBytes(call, Set.of("writeKey", "type"))
                    .text("type", type.wireName())
                    .text();
            return new SplitResult(
                    List.of(),
                    List.of(new ItemRejection(0, problem.get(), original, messageIdOf(fields), keyOf(fields))));
        }
        Set<String> rewritten = new HashSet<>(List.of("writeKey", "type"));
        String messageId = messageId(fields, rewritten);
        CallBytes payload = new CallBytes(call, rewritten).text("type", type.wireName());
        if (rewritten.contains("messageId")) {
            payload.text("messageId", messageId);
        }
        return new SplitResult(
                List.of(new AcceptedCall(payload.text(), messageId, keyOf(fields), textOrNull(fields.get("sentAt")))),
                List.of());
    }

    /** A problem of the batch envelope as a whole ({@code batch} missing, empty or too long). */
    public Optional<Rejection> checkBatch(ParsedBody body) {
        JsonNode batch = body.root().fields().get("batch");
        if (batch == null || !batch.isArray()) {
            return Optional.of(Rejection.of("bad_request", "batch", "batch must be an array of calls"));
        }
        int size = body.items().size();
        if (size == 0) {
            return Optional.of(Rejection.of("empty_batch", "batch", "batch has no calls"));
        }
        if (size > maxBatchEvents) {
            return Optional.of(Rejection.of(
                    "batch_too_large",
                    "batch",
                    "batch has " + size + " calls; at most " + maxBatchEvents + " are allowed"));
        }
        for (String field : MERGED) {
            JsonNode v = body.root().fields().get(field);
            if (v != null && !v.isNull() && !v.isObject()) {
                return Optional.of(Rejection.of("bad_request", field, field + " must be an object"));
            }
        }
        return Optional.empty();
    }

    /** Splits a batch whose envelope passed {@link #checkBatch}: good items accepted, bad ones by index. */
    public SplitResult batch(ParsedBody body) {
        List<AcceptedCall> accepted = new ArrayList<>(body.items().size());
        List<ItemRejection> rejected = new ArrayList<>();
        for (int i = 0; i < body.items().size(); i++) {
            item(i, body.items().get(i), body.root(), accepted, rejected);
        }
        return new SplitResult(accepted, rejected);
    }

    private void item(
            int index,
            BatchItem item,
            ScannedCall envelope,
            List<AcceptedCall> accepted,
            List<ItemRejection> rejected) {
        ScannedCall call = item.call();
        if (call == null) {
            rejected.add(new ItemRejection(
                    index,
                    Rejection.of("bad_request", "batch", "a batch item must be a JSON object"),
                    text(item.notAnObject()),
                    null,
                    null));
            return;
        }
        ObjectNode fields = call.fields();
        CallRules.removeCredentials(fields);
        Optional<CallType> type = CallType.fromWire(textOrNull(fields.get("type")));
        Optional<Rejection> problem =
                type.isEmpty() ? Optional.of(CallRules.unknownType()) : CallRules.check(fields, type.get());
        // The limit applies to the event as the client sent it, not to what the batch merges in.
        if (problem.isEmpty() && item.sizeAsSent() > maxEventBytes) {
            problem = Optional.of(Rejection.of(
                    "event_too_large", null, "a call in a batch must be at most " + maxEventBytes + " bytes"));
        }
        if (problem.isPresent()) {
            String original = new CallBytes(call, Set.of("writeKey")).text();
            rejected.add(new ItemRejection(index, problem.get(), original, messageIdOf(fields), keyOf(fields)));
            return;
        }
        Set<String> rewritten = new HashSet<>(List.of("writeKey", "type"));
        String messageId = messageId(fields, rewritten);
        List<String> fromBatch = new ArrayList<>(2);
        for (String field : MERGED) {
            merge(fields, field, envelope.fields().get(field), rewritten, fromBatch);
        }
        CallBytes payload =
                new CallBytes(call, rewritten).text("type", type.get().wireName());
        if (rewritten.contains("messageId")) {
            payload.text("messageId", messageId);
        }
        for (String field : MERGED) {
            if (fromBatch.contains(field)) {
                payload.copy(envelope, field);
            } else if (rewritten.contains(field)) {
                payload.json(field, bytes(fields.get(field)));
            }
        }
        String sentAt = textOrNull(fields.get("sentAt"));
        accepted.add(new AcceptedCall(
                payload.text(),
                messageId,
                keyOf(fields),
                sentAt != null ? sentAt : textOrNull(envelope.fields().get("sentAt"))));
    }

    /**
     * The call's messageId: its own, else a fresh one; when it must be written anew (none, or not a
     * string), {@code messageId} is added to {@code rewritten}.
     */
    private static String messageId(ObjectNode fields, Set<String> rewritten) {
        String messageId = messageIdOf(fields);
        JsonNode own = fields.get("messageId");
        if (messageId == null || !own.isTextual()) {
            rewritten.add("messageId");
        }
        return messageId != null ? messageId : UUID.randomUUID().toString();
    }

    /**
     * Merges the batch's {@code from} into the call's {@code field}: when the call has none (or null),
     * the batch's is copied as sent ({@code fromBatch}); when it has an object, the merged tree is
     * written anew ({@code rewritten}).
     */
    private static void merge(
            ObjectNode fields, String field, JsonNode from, Set<String> rewritten, List<String> fromBatch) {
        if (from == null || !from.isObject() || from.isEmpty()) {
            return;
        }
        JsonNode own = fields.get(field);
        if (own == null || own.isNull()) {
            rewritten.add(field);
            fromBatch.add(field);
        } else if (own instanceof ObjectNode ownObject) {
            deepMerge(ownObject, (ObjectNode) from);
            rewritten.add(field);
        }
    }

    /** Copies what {@code from} has and {@code target} lacks, recursively; the target wins. */
    static void deepMerge(ObjectNode target, ObjectNode from) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode own = target.get(e.getKey());
            if (own == null) {
                target.set(e.getKey(), e.getValue().deepCopy());
            } else if (own instanceof ObjectNode ownObject && e.getValue() instanceof ObjectNode fromObject) {
                deepMerge(ownObject, fromObject);
            }
        }
    }

    private static String messageIdOf(JsonNode call) {
        JsonNode id = call.get("messageId");
        if (id == null || id.isNull() || id.isContainerNode()) {
            return null;
        }
        String text = id.asText();
        return text.isEmpty() ? null : text;
    }

    private static String keyOf(JsonNode call) {
        return Keys.userKey(textOrNull(call.get("userId")), textOrNull(call.get("anonymousId")));
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    private String text(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
