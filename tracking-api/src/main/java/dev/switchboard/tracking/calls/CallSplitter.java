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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a parsed body into calls. A single call takes its {@code type} from the path; a batch is
 * split into items, each with the batch's {@code context} and {@code integrations} deep-merged in
 * (the item's own keys win). Every call gets a {@code messageId} (its own, else a fresh UUID written
 * into the payload, so that replays of the raw record are stable). {@code writeKey} is removed from
 * payloads: it is a credential, and the source id travels beside the payload.
 */
public final class CallSplitter {

    private final ObjectMapper mapper;
    private final int maxEventBytes;
    private final int maxBatchEvents;

    public CallSplitter(ObjectMapper mapper, int maxEventBytes, int maxBatchEvents) {
        this.mapper = mapper;
        this.maxEventBytes = maxEventBytes;
        this.maxBatchEvents = maxBatchEvents;
    }

    /** One call posted to the endpoint of {@code type}: accepted, or the reason it is not. */
    public SplitResult single(ObjectNode body, CallType type) {
        CallRules.removeCredentials(body);
        body.put("type", type.wireName());
        Optional<Rejection> problem = CallRules.check(body, type);
        if (problem.isPresent()) {
            return new SplitResult(
                    List.of(),
                    List.of(new ItemRejection(0, problem.get(), text(body), messageIdOf(body), keyOf(body))));
        }
        String sentAt = textOrNull(body.get("sentAt"));
        return new SplitResult(List.of(accept(body, sentAt)), List.of());
    }

    /** A problem of the batch envelope as a whole ({@code batch} missing, empty or too long). */
    public Optional<Rejection> checkBatch(ObjectNode body) {
        JsonNode batch = body.get("batch");
        if (batch == null || !batch.isArray()) {
            return Optional.of(Rejection.of("bad_request", "batch", "batch must be an array of calls"));
        }
        if (batch.isEmpty()) {
            return Optional.of(Rejection.of("empty_batch", "batch", "batch has no calls"));
        }
        if (batch.size() > maxBatchEvents) {
            return Optional.of(Rejection.of(
                    "batch_too_large",
                    "batch",
                    "batch has " + batch.size() + " calls; at most " + maxBatchEvents + " are allowed"));
        }
        for (String field : new String[] {"context", "integrations"}) {
            JsonNode v = body.get(field);
            if (v != null && !v.isNull() && !v.isObject()) {
                return Optional.of(Rejection.of("bad_request", field, field + " must be an object"));
            }
        }
        return Optional.empty();
    }

    /**
     * Splits a batch whose envelope passed {@link #checkBatch}: good items accepted, bad ones by index.
     * {@code itemSizes} are the bytes of each item as sent ({@link BodyParser}).
     */
    public SplitResult batch(ObjectNode body, List<Integer> itemSizes) {
        JsonNode batch = body.get("batch");
        List<AcceptedCall> accepted = new ArrayList<>(batch.size());
        List<ItemRejection> rejected = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            int size = i < itemSizes.size() ? itemSizes.get(i) : 0;
            item(i, batch.get(i), size, body, accepted, rejected);
        }
        return new SplitResult(accepted, rejected);
    }

    private void item(
            int index,
            JsonNode node,
            int sizeAsSent,
            ObjectNode body,
            List<AcceptedCall> accepted,
            List<ItemRejection> rejected) {
        if (!(node instanceof ObjectNode item)) {
            rejected.add(new ItemRejection(
                    index,
                    Rejection.of("bad_request", "batch", "a batch item must be a JSON object"),
                    text(node),
                    null,
                    null));
            return;
        }
        CallRules.removeCredentials(item);
        Optional<CallType> type = CallType.fromWire(textOrNull(item.get("type")));
        Optional<Rejection> problem =
                type.isEmpty() ? Optional.of(CallRules.unknownType()) : CallRules.check(item, type.get());
        if (problem.isPresent()) {
            rejected.add(new ItemRejection(index, problem.get(), text(item), messageIdOf(item), keyOf(item)));
            return;
        }
        // The limit applies to the event as the client sent it, not to what the batch merges in.
        if (sizeAsSent > maxEventBytes) {
            Rejection tooLarge = Rejection.of(
                    "event_too_large", null, "a call in a batch must be at most " + maxEventBytes + " bytes");
            rejected.add(new ItemRejection(index, tooLarge, text(item), messageIdOf(item), keyOf(item)));
            return;
        }
        item.put("type", type.get().wireName());
        mergeInto(item, "context", body.get("context"));
        mergeInto(item, "integrations", body.get("integrations"));
        String sentAt = textOrNull(item.get("sentAt"));
        accepted.add(accept(item, sentAt != null ? sentAt : textOrNull(body.get("sentAt"))));
    }

    private AcceptedCall accept(ObjectNode call, String sentAt) {
        String messageId = messageIdOf(call);
        if (messageId == null) {
            messageId = UUID.randomUUID().toString();
        }
        call.put("messageId", messageId);
        return new AcceptedCall(text(call), messageId, keyOf(call), sentAt);
    }

    /** Copies what {@code from} has and {@code target.field} lacks, recursively; the target wins. */
    static void mergeInto(ObjectNode target, String field, JsonNode from) {
        if (from == null || !from.isObject() || from.isEmpty()) {
            return;
        }
        JsonNode own = target.get(field);
        if (own == null || own.isNull()) {
            target.set(field, from.deepCopy());
        } else if (own instanceof ObjectNode ownObject) {
            deepMerge(ownObject, (ObjectNode) from);
        }
    }

    private static void deepMerge(ObjectNode target, ObjectNode from) {
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
}
