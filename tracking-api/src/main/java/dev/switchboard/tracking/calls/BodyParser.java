/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.calls;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a request body into a JSON object in one streaming pass, noting the size in bytes of each
 * item of a top-level {@code batch} array exactly as the client sent it (the per-event limit applies
 * to that, not to what the batch's context adds), without serializing anything again.
 */
public final class BodyParser {

    /** A parsed body and, when it has a {@code batch} array, the byte size of each item. */
    public record ParsedBody(ObjectNode root, List<Integer> itemSizes) {}

    /** The body is not one JSON object. */
    public static final class BadBodyException extends Exception {
        public BadBodyException(String message) {
            super(message, null, false, false);
        }
    }

    private final ObjectMapper mapper;

    public BodyParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ParsedBody parse(byte[] bytes) throws BadBodyException {
        if (bytes.length == 0) {
            throw new BadBodyException("the body is empty; send a JSON object");
        }
        try (JsonParser parser = mapper.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BadBodyException("the body must be a JSON object");
            }
            ObjectNode root = mapper.createObjectNode();
            List<Integer> sizes = List.of();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("batch") && value == JsonToken.START_ARRAY) {
                    ArrayNode batch = root.putArray("batch");
                    sizes = readItems(parser, batch);
                } else {
                    root.set(name, mapper.readTree(parser));
                }
            }
            if (parser.nextToken() != null) {
                throw new BadBodyException("the body has content after its JSON object");
            }
            return new ParsedBody(root, sizes);
        } catch (IOException | RuntimeException e) {
            throw new BadBodyException("the body is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private List<Integer> readItems(JsonParser parser, ArrayNode batch) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            long start = parser.currentTokenLocation().getByteOffset();
            JsonNode item = mapper.readTree(parser);
            batch.add(item == null ? mapper.nullNode() : item);
            sizes.add((int) (parser.currentLocation().getByteOffset() - start));
        }
        return sizes;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
