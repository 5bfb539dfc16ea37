/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * From one Segment event to the rows of Segment's warehouse schema: a track gives a {@code tracks}
 * row (common columns and context) and a row of its event's table (and the properties); an
 * identify gives an {@code identifies} row and, with a userId, a {@code users} row; page, screen,
 * group and alias give one row each. Nested objects are flattened with {@code _}
 * ({@code context.app.version} is {@code context_app_version}); arrays stay whole, as JSON text.
 */
public final class Flattener {

    private final Names names;
    private final KeyColumns keys;

    /** A flattener for one thread (it remembers the keys it met). */
    public Flattener(Names names) {
        this.names = names;
        this.keys = new KeyColumns(names);
    }

    /** The rows of one event of {@code sourceId}; empty for a type without a table (e.g. delete). */
    public List<FlatRow> rows(String sourceId, ObjectNode event) {
        String schema = names.schema(sourceId);
        String type = text(event, "type");
        String messageId = text(event, "messageId");
        if (type == null || messageId == null) {
            return List.of();
        }
        return switch (type) {
            case "track" -> track(schema, event, messageId);
            case "identify" -> identify(schema, event, messageId);
            case "page" -> List.of(call(schema, TableKind.PAGES, event, messageId, "properties"));
            case "screen" -> List.of(call(schema, TableKind.SCREENS, event, messageId, "properties"));
            case "group" -> List.of(call(schema, TableKind.GROUPS, event, messageId, "traits"));
            case "alias" -> List.of(call(schema, TableKind.ALIASES, event, messageId, null));
            default -> List.of();
        };
    }

    private List<FlatRow> track(String schema, ObjectNode event, String messageId) {
        String name = text(event, "event");
        if (name == null || name.isEmpty()) {
            return List.of(); // the router refuses a track without an event; nothing to name a table after
        }
        String table = names.eventTable(name);
        List<Field> common = common(event, TableKind.TRACKS);
        common.add(standard(Columns.EVENT, TextNode.valueOf(table)));
        common.add(standard(Columns.EVENT_TEXT, TextNode.valueOf(name)));
        flatten(event.get("context"), keys.root("context", "context"), common);
        List<Field> withProperties = new ArrayList<>(common);
        flatten(event.get("properties"), keys.root("properties", ""), withProperties);
        return List.of(
                new FlatRow(new TableName(schema, "tracks"), TableKind.TRACKS, messageId, common),
                new FlatRow(new TableName(schema, table), TableKind.EVENT, messageId, withProperties));
    }

    private List<FlatRow> identify(String schema, ObjectNode event, String messageId) {
        List<FlatRow> rows = new ArrayList<>();
        rows.add(call(schema, TableKind.IDENTIFIES, event, messageId, "traits"));
        String userId = text(event, "userId");
        if (userId != null && !userId.isEmpty()) {
            List<Field> fields = new ArrayList<>();
            fields.add(standard(Columns.ID, TextNode.valueOf(userId)));
            add(fields, Columns.RECEIVED_AT, event.get("receivedAt"));
            flatten(event.get("traits"), keys.root("traits", ""), fields);
            rows.add(new FlatRow(new TableName(schema, "users"), TableKind.USERS, userId, fields));
        }
        return rows;
    }

    private FlatRow call(String schema, TableKind kind, ObjectNode event, String messageId, String custom) {
        List<Field> fields = common(event, kind);
        switch (kind) {
            case PAGES, SCREENS -> {
                add(fields, "name", event.get("name"));
                add(fields, "category", event.get("category"));
            }
            case GROUPS -> add(fields, "group_id", event.get("groupId"));
            case ALIASES -> add(fields, "previous_id", event.get("previousId"));
            default -> {}
        }
        flatten(event.get("context"), keys.root("context", "context"), fields);
        if (custom != null) {
            flatten(event.get(custom), keys.root(custom, ""), fields);
        }
        return new FlatRow(new TableName(schema, kind.fixedName()), kind, messageId, fields);
    }

    private static List<Field> common(ObjectNode event, TableKind kind) {
        List<Field> fields = new ArrayList<>();
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
        if (value != null && !value.isNull() && !value.isMissingNode()) {
            fields.add(new Field(column, List.of(column), value, true));
        }
    }

    private static Field standard(String column, JsonNode value) {
        return new Field(column, List.of(column), value, true);
    }

    /** Appends one field per scalar or array under {@code node}; objects add their keys to the name. */
    private void flatten(JsonNode node, KeyColumns.Key parent, List<Field> out) {
        if (node == null || !node.isObject()) {
            return; // absent, or not an object (the router keeps properties and traits objects)
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode value = e.getValue();
            if (value == null || value.isNull()) {
                continue; // Segment creates and fills a column only for a non-null value
            }
            KeyColumns.Key key = keys.child(parent, e.getKey());
            if (value.isObject()) {
                flatten(value, key, out);
            } else {
                out.add(new Field(key.column(), key.path(), value, false));
            }
        }
    }

    private static String text(ObjectNode event, String field) {
        JsonNode v = event.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
