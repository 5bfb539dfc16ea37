/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.schemas.avro.FieldSeen;
import dev.switchboard.workspace.privacy.PiiCatalog;
import dev.switchboard.workspace.privacy.PiiKind;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One task's field inventory: per source, a tree of the field paths seen under {@code properties},
 * {@code traits} and {@code context}. {@link #observe} walks an event along the tree, one hash lookup per
 * field; a path's string is built and the PII catalogue asked only when a path is new or gains a type. A
 * source holds at most {@code maxPaths} paths: a field beyond them is counted, not kept (nor are its
 * children walked), so hostile input cannot grow the inventory without bound. Not thread-safe: one per task.
 */
final class FieldInventory {

    /** The parts of an event whose fields are inventoried, in this order. */
    static final List<String> ROOTS = List.of("properties", "traits", "context");

    private final int maxPaths;
    private final long intervalMillis;
    private final Map<String, SourceFields> bySource = new HashMap<>();

    /** The paths of one source. */
    private static final class SourceFields {
        final FieldNode root = new FieldNode("", null, 0);
        /** Records kept before a restart, by path, until the walk meets them again. */
        final Map<String, FieldSeen> restored = new HashMap<>();

        int size;
    }

    /**
     * @param maxPaths at most this many paths per source
     * @param intervalMillis a path seen again is reported when it was last reported longer ago than this
     */
    FieldInventory(int maxPaths, long intervalMillis) {
        this.maxPaths = maxPaths;
        this.intervalMillis = intervalMillis;
    }

    /** Takes back a path this task reported before a restart (from its store): it is not new when seen again. */
    void restore(FieldSeen seen) {
        SourceFields s = bySource.computeIfAbsent(seen.getSourceId(), id -> new SourceFields());
        if (s.restored.putIfAbsent(seen.getPath(), seen) == null) {
            s.size++;
        }
    }

    /**
     * Walks one event of {@code sourceId} at {@code time} (epoch millis). Appends to {@code changed} every
     * path that is new, gained a type, or is due for a last-seen report, once each, marked
     * {@link FieldNode#pending} (the caller clears the mark). Returns how many fields were over the cap.
     */
    int observe(String sourceId, ObjectNode event, long time, PiiCatalog catalog, List<FieldNode> changed) {
        SourceFields s = bySource.get(sourceId);
        if (s == null) {
            s = new SourceFields();
            bySource.put(sourceId, s);
        }
        Walk walk = new Walk(s, time, catalog, changed);
        for (String root : ROOTS) {
            JsonNode value = event.get(root);
            if (value != null) {
                walk.child(s.root, root, value);
            }
        }
        return walk.dropped;
    }

    /** How many paths {@code sourceId} has (kept and restored). */
    int size(String sourceId) {
        SourceFields s = bySource.get(sourceId);
        return s == null ? 0 : s.size;
    }

    /** One event's walk. */
    private final class Walk {
        final SourceFields source;
        final long time;
        final PiiCatalog catalog;
        final List<FieldNode> changed;
        int dropped;

        Walk(SourceFields source, long time, PiiCatalog catalog, List<FieldNode> changed) {
            this.source = source;
            this.time = time;
            this.catalog = catalog;
            this.changed = changed;
        }

        void child(FieldNode parent, String name, JsonNode value) {
            FieldNode node = parent.child(name);
            if (node == null) {
                node = create(parent, name, false);
                if (node == null) {
                    return;
                }
                parent.putChild(name, node);
            }
            visit(node, value);
        }

        void visit(FieldNode node, JsonNode value) {
            int bit = JsonTypes.bit(value);
            if ((node.types & bit) == 0) {
                node.types |= bit;
                classify(node, value);
                node.lastSeen = Math.max(node.lastSeen, time);
                report(node);
            } else if (time - node.lastSeen > intervalMillis) {
                node.lastSeen = time;
                report(node);
            }
            if (value.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    child(node, field.getKey(), field.getValue());
                }
            } else if (value.isArray() && !value.isEmpty()) {
                FieldNode items = node.items();
                if (items == null) {
                    items = create(node, node.key, true);
                    if (items == null) {
                        return;
                    }
                    node.items(items);
                }
                for (JsonNode element : value) {
                    visit(items, element);
                }
            }
        }

        /** A node for a path the tree does not have: one restored after a restart, a new one, or null over the cap. */
        private FieldNode create(FieldNode parent, String key, boolean items) {
            if (source.size >= maxPaths && source.restored.isEmpty()) {
                dropped++;
                return null; // over the cap: no path is even built
            }
            String path = items ? parent.itemsPath() : parent.childPath(key);
            FieldSeen kept = source.restored.remove(path);
            if (kept != null) {
                FieldNode node = new FieldNode(path, key, kept.getFirstSeen().toEpochMilli());
                node.lastSeen = kept.getLastSeen().toEpochMilli();
                node.types = JsonTypes.mask(kept.getTypes());
                node.pii = kept.getPii();
                node.classification = kept.getClassification();
                return node;
            }
            if (source.size >= maxPaths) {
                dropped++;
                return null;
            }
            source.size++;
            return new FieldNode(path, key, time);
        }

        /** The path's PII kind, by its key, else by a text value; kept once found. */
        private void classify(FieldNode node, JsonNode value) {
            if (node.pii != null) {
                return;
            }
            PiiKind kind = node.key == null ? null : catalog.ofKey(node.key);
            if (kind == null && value.isTextual()) {
                kind = catalog.ofValue(value.textValue());
            }
            if (kind != null) {
                node.pii = kind.name();
                node.classification = kind.classification().option();
            }
        }

        private void report(FieldNode node) {
            if (!node.pending) {
                node.pending = true;
                changed.add(node);
            }
        }
    }
}
