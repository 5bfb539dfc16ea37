/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.schemas.JsonNumbers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * From one Segment event to the rows of Segment's warehouse schema: a track gives a {@code tracks}
 * row (common columns and context) and a row of its event's table (and the properties); an
 * identify gives an {@code identifies} row and, with a userId, a {@code users} row; page, screen,
 * group and alias give one row each. Nested objects are flattened with {@code _}
 * ({@code context.app.version} is {@code context_app_version}); arrays stay whole, as JSON text.
 *
 * <p>The event's JSON is read once, as a stream ({@link #read}): its standard values are kept, its
 * {@code context}, {@code properties} and {@code traits} become fields on the way, without a tree of
 * the event; only arrays and {@code integrations} are read as trees. A key repeated in one object
 * keeps both values: the later one is a second value for the same column, kept in
 * {@link Columns#UNMAPPED} when it differs.
 */
public final class Flattener {

    private static final ObjectMapper JSON = JsonNumbers.mapper();

    /** The top-level scalars the rows are made of, by their index in {@link Event}. */
    private static final List<String> STANDARD = List.of(
            "type",
            "messageId",
            "event",
            "receivedAt",
            "sentAt",
            "timestamp",
            "originalTimestamp",
            "userId",
            "anonymousId",
            "name",
            "category",
            "groupId",
            "previousId");

    private static final Map<String, Integer> STANDARD_INDEX = index(STANDARD);

    /** Source ids and event names whose names are remembered; past it, names are made each time. */
    static final int MAX_NAMES = 10_000;

    private final Names names;
    private final KeyColumns keys;
    private final Map<String, String> schemas = new HashMap<>();
    private final Map<String, String> eventTables = new HashMap<>();

    /** A flattener for one thread (it remembers the keys, sources and event names it met). */
    public Flattener(Names names) {
        this.names = names;
        this.keys = new KeyColumns(names);
    }

    /**
     * One event, read: its standard values, the fields of its context, properties and traits, and its
     * integrations object.
     */
    public static final class Event {
        private final JsonNode[] standard = new JsonNode[STANDARD.size()];
        private List<Field> context = List.of();
        private List<Field> properties = List.of();
        private List<Field> traits = List.of();
        private JsonNode integrations;

        private Event() {}

        /** The event's {@code integrations} object, or null. */
        public JsonNode integrations() {
            return integrations;
        }

        private JsonNode get(String key) {
            return standard[STANDARD_INDEX.get(key)];
        }

        private String text(String key) {
            JsonNode v = get(key);
            return v == null || v.isContainerNode() ? null : v.asText();
        }
    }

    /** The event in {@code json}, read once; null when it is not an object. */
    public Event read(String json) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            return read(p);
        }
    }

    /** The rows of {@code event} of {@code sourceId}; empty for a type without a table (e.g. delete). */
    public List<FlatRow> rows(String sourceId, Event event) {
        String schema = remembered(schemas, sourceId, names::schema);
        String type = event.text("type");
        String messageId = event.text("messageId");
        if (type == null || messageId == null) {
            return List.of();
        }
        return switch (type) {
            case "track" -> track(schema, event, messageId);
            case "identify" -> identify(schema, event, messageId);
            case "page" -> List.of(call(schema, TableKind.PAGES, event, messageId, event.properties));
            case "screen" -> List.of(call(schema, TableKind.SCREENS, event, messageId, event.properties));
            case "group" -> List.of(call(schema, TableKind.GROUPS, event, messageId, event.traits));
            case "alias" -> List.of(call(schema, TableKind.ALIASES, event, messageId, List.of()));
            default -> List.of();
        };
    }

    private Event read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Event event = new Event();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            Integer standard = STANDARD_INDEX.get(key);
            if (value == JsonToken.VALUE_NULL) {
                if (standard != null) {
                    event.standard[standard] = null; // a later null hides an earlier value, as in a tree
                }
            } else if (standard != null) {
                event.standard[standard] = value.isScalarValue() ? scalar(p) : JSON.readTree(p);
            } else if (value != JsonToken.START_OBJECT) {
                p.skipChildren(); // context, properties and traits are objects (the router keeps them so)
            } else {
                switch (key) {
                    case "context" -> event.context = flatten(p, keys.root("context", "context"));
                    case "properties" -> event.properties = flatten(p, keys.root("properties", ""));
                    case "traits" -> event.traits = flatten(p, keys.root("traits", ""));
                    case "integrations" -> event.integrations = JSON.readTree(p);
                    default -> p.skipChildren();
                }
            }
        }
        return event;
    }

    private List<FlatRow> track(String schema, Event event, String messageId) {
        String name = event.text("event");
        if (name == null || name.isEmpty()) {
            return List.of(); // the router refuses a track without an event; nothing to name a table after
        }
        String table = remembered(eventTables, name, names::eventTable);
        List<Field> common = common(event, 2 + event.context.size());
        common.add(Field.standard(Columns.EVENT, TextNode.valueOf(table)));
        common.add(Field.standard(Columns.EVENT_TEXT, TextNode.valueOf(name)));
        common.addAll(event.context);
        List<Field> withProperties = new ArrayList<>(common.size() + event.properties.size());
        withProperties.addAll(common);
        withProperties.addAll(event.properties);
        return List.of(
                new FlatRow(new TableName(schema, "tracks"), TableKind.TRACKS, messageId, common),
                new FlatRow(new TableName(schema, table), TableKind.EVENT, messageId, withProperties));
    }

    private List<FlatRow> identify(String schema, Event event, String messageId) {
        List<FlatRow> rows = new ArrayList<>();
        rows.add(call(schema, TableKind.IDENTIFIES, event, messageId, event.traits));
        String userId = event.text("userId");
        if (userId != null && !userId.isEmpty()) {
            List<Field> fields = new ArrayList<>();
            fields.add(Field.standard(Columns.ID, TextNode.valueOf(userId)));
            add(fields, Columns.RECEIVED_AT, event.get("receivedAt"));
            fields.addAll(event.traits);
            rows.add(new FlatRow(new TableName(schema, "users"), TableKind.USERS, userId, fields));
        }
        return rows;
    }

    private static FlatRow call(String schema, TableKind kind, Event event, String messageId, List<Field> custom) {
        List<Field> fields = common(event, 2 + event.context.size() + custom.size());
        switch (kind) {
            case PAGES, SCREENS -> {
                add(fields, "name", event.get("name"));
                add(fields, "category", event.get("category"));
            }
            case GROUPS -> add(fields, "group_id", event.get("groupId"));
            case ALIASES -> add(fields, "previous_id", event.get("previousId"));
            default -> {}
        }
        fields.addAll(event.context);
        fields.addAll(custom);
        return new FlatRow(new TableName(schema, kind.fixedName()), kind, messageId, fields);
    }

    /** The standard fields every table has, in a list with room for {@code more}. */
    private static List<Field> common(Event event, int more) {
        List<Field> fields = new ArrayList<>(7 + more);
        add(fields, Columns.ID, event.get("messageId"));
        add(fields, Columns.RECEIVED_AT, event.get("receivedAt"));
        add(fields, Columns.SENT_AT, event.get("sentAt"));
        add(fields, Columns.TIMESTAMP, event.get("timestamp"));
        add(fields, Columns.ORIGINAL_TIMESTAMP, event.get("originalTimestamp"));
        add(fields, Columns.USER_ID, event.get("userId"));
        add(fields, Columns.ANONYMOUS_ID, event.get("anonymousId"));
        return fields;
    }

    private static void add(List<Field> fields, String column, JsonNode value) {
        if (value != null) {
            fields.add(Field.standard(column, value));
        }
    }

    /** The fields of the object the parser is at: one per scalar or array; objects add their keys to the name. */
    private List<Field> flatten(JsonParser p, KeyColumns.Key parent) throws IOException {
        List<Field> out = new ArrayList<>();
        flatten(p, parent, out);
        return out;
    }

    private void flatten(JsonParser p, KeyColumns.Key parent, List<Field> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue; // Segment creates and fills a column only for a non-null value
            }
            KeyColumns.Key key = keys.child(parent, name);
            if (value == JsonToken.START_OBJECT) {
                flatten(p, key, out);
            } else {
                JsonNode v = value == JsonToken.START_ARRAY ? JSON.readTree(p) : scalar(p);
                out.add(Field.property(key, v));
            }
        }
    }

    /** The scalar the parser is at, as the node a tree of the same JSON would hold. */
    private static JsonNode scalar(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> TextNode.valueOf(p.getText());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NUMBER_INT ->
                switch (p.getNumberType()) {
                    case INT -> IntNode.valueOf(p.getIntValue());
                    case LONG -> LongNode.valueOf(p.getLongValue());
                    default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> DoubleNode.valueOf(p.getDoubleValue());
            default -> JSON.readTree(p); // an embedded object of a tree
        };
    }

    private static String remembered(Map<String, String> known, String key, UnaryOperator<String> make) {
        String name = known.get(key);
        if (name == null) {
            name = make.apply(key);
            if (known.size() < MAX_NAMES) {
                known.put(key, name);
            }
        }
        return name;
    }

    private static Map<String, Integer> index(List<String> keys) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            out.put(keys.get(i), i);
        }
        return Map.copyOf(out);
    }
}
