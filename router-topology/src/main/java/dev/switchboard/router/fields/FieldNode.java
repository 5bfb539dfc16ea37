/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.fields;

import java.util.HashMap;
import java.util.Map;

/**
 * One field path of one source as a task knows it: a node of the tree the inventory walks, so that an
 * event's fields are found by one hash lookup each, with no path built unless the path is new.
 */
final class FieldNode {

    /** The path: a JSON pointer, an array's items as {@code []} after the array's own segment. */
    final String path;

    /** The key the field is under (an array's items: the array's key), for the PII catalogue. */
    final String key;

    int types;
    String pii;
    String classification;
    long firstSeen;
    long lastSeen;

    /** Changed by the event being walked: it is reported once, after the walk. */
    boolean pending;

    private Map<String, FieldNode> children;
    private FieldNode items;

    FieldNode(String path, String key, long firstSeen) {
        this.path = path;
        this.key = key;
        this.firstSeen = firstSeen;
        this.lastSeen = firstSeen;
    }

    FieldNode child(String name) {
        return children == null ? null : children.get(name);
    }

    void putChild(String name, FieldNode node) {
        if (children == null) {
            children = new HashMap<>();
        }
        children.put(name, node);
    }

    FieldNode items() {
        return items;
    }

    void items(FieldNode node) {
        this.items = node;
    }

    /** The path of a child under {@code name}: RFC 6901 escapes ({@code ~0}, {@code ~1}). */
    String childPath(String name) {
        return path + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    String itemsPath() {
        return path + "[]";
    }
}
