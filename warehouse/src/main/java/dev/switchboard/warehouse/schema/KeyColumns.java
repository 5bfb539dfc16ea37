/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The column and path of each key of an event's objects, remembered per parent: the events of a
 * source repeat the same keys, so each is snake-cased and fitted once instead of once per event
 * ({@link Names} still decides every name). Bounded: past {@value #MAX_KEYS} keys, new ones are
 * named each time and not kept. One per loader thread (not thread-safe).
 */
final class KeyColumns {

    static final int MAX_KEYS = 100_000;

    /** One key under its parent: its column, its path in the event, and the keys under it. */
    static final class Key {
        private final String prefix;
        private final String column;
        private final List<String> path;
        private final int reservedIn;
        private final Map<String, Key> children = new HashMap<>();

        private Key(String prefix, String column, List<String> path) {
            this.prefix = prefix;
            this.column = column;
            this.path = path;
            this.reservedIn = column == null ? 0 : TableKind.reservedIn(column);
        }

        /** The column of a scalar or array here. */
        String column() {
            return column;
        }

        /** The original keys from the event's top. */
        List<String> path() {
            return path;
        }

        /** {@link Field#reservedIn} of its column. */
        int reservedIn() {
            return reservedIn;
        }
    }

    private final Names names;
    private final Map<String, Key> roots = new HashMap<>();
    private int size;

    KeyColumns(Names names) {
        this.names = names;
    }

    /** The top-level object {@code key} (e.g. {@code properties}), whose columns start with {@code prefix}. */
    Key root(String key, String prefix) {
        Key root = roots.get(key);
        if (root == null || !root.prefix.equals(prefix)) {
            root = new Key(prefix, null, List.of(key));
            roots.put(key, root);
        }
        return root;
    }

    /** {@code key} under {@code parent}: {@code parent}'s prefix and the key's snake_case, fitted. */
    Key child(Key parent, String key) {
        Key known = parent.children.get(key);
        if (known != null) {
            return known;
        }
        String segment = names.segment(key);
        String name = parent.prefix.isEmpty() ? segment : parent.prefix + "_" + segment;
        List<String> path = new ArrayList<>(parent.path.size() + 1);
        path.addAll(parent.path);
        path.add(key);
        Key k = new Key(name, names.column(name), List.copyOf(path));
        if (size < MAX_KEYS) {
            parent.children.put(key, k);
            size++;
        }
        return k;
    }
}
