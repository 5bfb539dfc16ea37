/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.calls;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a request body in one streaming pass, the only parse of a request: the body's object as a
 * {@link ScannedCall} (a single call, or a batch's envelope) and, when it has a top-level
 * {@code batch} array, each item of it, an object item as a {@link ScannedCall} of its own. The
 * whole body is checked as JSON on the way, within {@code JsonLimits} (the parser's constraints),
 * inside the skipped {@code properties} and {@code traits} objects too.
 */
public final class BodyParser {

    /**
     * A parsed body: its object and the items of its {@code batch} array (empty when it has none; the
     * last one when {@code batch} is repeated).
     */
    public record ParsedBody(ScannedCall root, List<BatchItem> items) {}

    /**
     * One item of a {@code batch} array: {@code call} when it is an object, else its value as
     * {@code notAnObject}; {@code sizeAsSent} is its size in bytes as sent.
     */
    public record BatchItem(ScannedCall call, JsonNode notAnObject, int sizeAsSent) {}

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
            List<List<BatchItem>> batch = new ArrayList<>(1);
            ScannedCall root = scan(parser, bytes, batch);
            if (parser.nextToken() != null) {
                throw new BadBodyException("the body has content after its JSON object");
            }
            return new ParsedBody(root, batch.isEmpty() ? List.of() : batch.get(batch.size() - 1));
        } catch (IOException | RuntimeException e) {
            throw new BadBodyException("the body is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Reads the object whose {@code START_OBJECT} is the parser's current token. {@code batch} is
     * null inside items; at the top level each {@code batch} array's items are added to it.
     */
    private ScannedCall scan(JsonParser parser, byte[] bytes, List<List<BatchItem>> batch) throws IOException {
        int start = tokenStart(parser);
        ObjectNode fields = mapper.createObjectNode();
        String[] names = new String[16];
        int[] from = new int[16];
        int count = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                from = Arrays.copyOf(from, count * 2);
            }
            names[count] = parser.currentName();
            from[count] = tokenStart(parser);
            String name = names[count++];
            JsonToken value = parser.nextToken();
            if (batch != null && value == JsonToken.START_ARRAY && name.equals("batch")) {
                batch.add(readItems(parser, bytes));
                fields.set(name, mapper.createArrayNode());
            } else if (value == JsonToken.START_OBJECT && (name.equals("properties") || name.equals("traits"))) {
                parser.skipChildren();
                fields.set(name, mapper.createObjectNode());
            } else {
                fields.set(name, value(parser, value));
            }
        }
        int close = tokenStart(parser);
        int[] to = new int[count];
        for (int i = 0; i < count; i++) {
            to[i] = endOfValue(bytes, i + 1 < count ? from[i + 1] : close);
        }
        return new ScannedCall(
                bytes, start, close + 1, fields, Arrays.copyOf(names, count), Arrays.copyOf(from, count), to);
    }

    private List<BatchItem> readItems(JsonParser parser, byte[] bytes) throws IOException {
        List<BatchItem> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                ScannedCall call = scan(parser, bytes, null);
                items.add(new BatchItem(call, null, call.sizeAsSent()));
            } else {
                int start = tokenStart(parser);
                JsonNode item = mapper.readTree(parser);
                int size = (int) (parser.currentLocation().getByteOffset() - start);
                items.add(new BatchItem(null, item == null ? mapper.nullNode() : item, size));
            }
        }
        return items;
    }

    /**
     * The value of the current token as the mapper would read it: strings, booleans and null built
     * here (the mapper's own cost per value is most of the scan's), numbers and containers by the
     * mapper, so that their node types are exactly its own.
     */
    private JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> TextNode.valueOf(parser.getText());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.getInstance();
            default -> mapper.readTree(parser);
        };
    }

    private static int tokenStart(JsonParser parser) {
        return (int) parser.currentTokenLocation().getByteOffset();
    }

    /**
     * The end of a field's value, given where the next field or the closing brace starts: before the
     * white space and the comma between them (a value never ends in either).
     */
    private static int endOfValue(byte[] bytes, int next) {
        int i = next;
        while (isSpace(bytes[i - 1])) {
            i--;
        }
        if (bytes[i - 1] == ',') {
            i--;
            while (isSpace(bytes[i - 1])) {
                i--;
            }
        }
        return i;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
