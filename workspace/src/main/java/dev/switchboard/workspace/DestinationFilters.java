/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.fql.Expression;
import dev.switchboard.fql.FieldPath;
import dev.switchboard.fql.Fql;
import dev.switchboard.fql.FqlException;
import dev.switchboard.workspace.config.FilterConfig;
import dev.switchboard.workspace.config.FilterConfig.Action;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A connection's destination filters, compiled (segment-spec §4.6). They apply as Sample, then
 * Drop, then Drop Properties, then Allow Properties, whatever their order in the file. Sampling is
 * deterministic: the same user (or {@code samplePath} value, else messageId) is always in or out.
 */
public final class DestinationFilters {

    public static final DestinationFilters NONE = new DestinationFilters(List.of());

    private record Compiled(Action action, Expression condition, FieldPath samplePath, FilterConfig config) {}

    private final List<Compiled> filters;

    private DestinationFilters(List<Compiled> filters) {
        this.filters = filters;
    }

    /**
     * Compiles every filter, disabled ones too (so that turning one on later cannot fail), and keeps
     * the enabled ones; the exception names the filter's index, its field and the error's position.
     */
    public static DestinationFilters compile(List<FilterConfig> configs) throws InvalidFilterException {
        List<Compiled> compiled = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            FilterConfig f = configs.get(i);
            if (f.actions().size() != 1) {
                continue;
            }
            Expression condition;
            try {
                condition = Fql.parse(f.condition());
            } catch (FqlException e) {
                throw new InvalidFilterException(i, "if", e.getMessage());
            }
            checkPaths(i, "dropProperties", f.dropProperties());
            checkPaths(i, "allowProperties", f.allowProperties());
            FieldPath samplePath;
            try {
                samplePath = f.samplePath() == null ? null : FieldPath.parse(f.samplePath());
            } catch (IllegalArgumentException e) {
                throw new InvalidFilterException(i, "samplePath", e.getMessage());
            }
            if (f.enabled()) {
                compiled.add(new Compiled(f.actions().get(0), condition, samplePath, f));
            }
        }
        compiled.sort(Comparator.comparing(Compiled::action));
        return new DestinationFilters(List.copyOf(compiled));
    }

    /**
     * The event as this destination should see it: {@code null} when a filter drops it, the same
     * instance when no filter changes it, else a changed copy (the original is shared by all routes).
     */
    public ObjectNode apply(ObjectNode event) {
        ObjectNode out = event;
        for (Compiled f : filters) {
            if (!f.condition().matches(event)) {
                continue;
            }
            switch (f.action()) {
                case SAMPLE -> {
                    if (bucket(sampleKey(event, f.samplePath())) >= f.config().sample()) {
                        return null;
                    }
                }
                case DROP -> {
                    return null;
                }
                case DROP_PROPERTIES -> {
                    out = out == event ? event.deepCopy() : out;
                    dropProperties(out, f.config().dropProperties());
                }
                case ALLOW_PROPERTIES -> {
                    out = out == event ? event.deepCopy() : out;
                    allowProperties(out, f.config().allowProperties());
                }
            }
        }
        return out;
    }

    private static void dropProperties(ObjectNode event, Map<String, List<String>> fields) {
        fields.forEach((path, keys) -> {
            FieldPath base = path.isEmpty() ? null : FieldPath.parse(path);
            for (String key : keys) {
                (base == null ? FieldPath.of(key) : base.child(key)).remove(event);
            }
        });
    }

    private static void allowProperties(ObjectNode event, Map<String, List<String>> fields) {
        fields.forEach((path, keys) -> {
            JsonNode target = path.isEmpty() ? event : FieldPath.parse(path).get(event);
            Set<String> keep = Set.copyOf(keys);
            if (target instanceof ObjectNode object) {
                object.retain(keep);
            } else if (target != null && target.isArray()) {
                target.forEach(element -> {
                    if (element instanceof ObjectNode o) {
                        o.retain(keep);
                    }
                });
            }
        });
    }

    private static void checkPaths(int index, String field, Map<String, List<String>> paths)
            throws InvalidFilterException {
        try {
            paths(paths);
        } catch (IllegalArgumentException e) {
            throw new InvalidFilterException(index, field, e.getMessage());
        }
    }

    private static String sampleKey(ObjectNode event, FieldPath samplePath) {
        if (samplePath != null) {
            JsonNode v = samplePath.get(event);
            if (v != null && !v.isMissingNode() && !v.isNull()) {
                return v.asText();
            }
        }
        for (String field : new String[] {"userId", "anonymousId", "messageId"}) {
            if (event.hasNonNull(field)) {
                return event.get(field).asText();
            }
        }
        return "";
    }

    /** A stable number in [0, 1) for a key: the first 53 bits of its SHA-256. */
    static double bucket(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = (bits << 8) | (hash[i] & 0xff);
            }
            return (bits >>> 3) / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static void paths(Map<String, List<String>> fields) {
        if (fields != null) {
            fields.keySet().stream().filter(p -> !p.isEmpty()).forEach(FieldPath::parse);
        }
    }

    /** A filter that does not compile. */
    public static final class InvalidFilterException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int index;
        private final String field;

        InvalidFilterException(int index, String field, String message) {
            super(message);
            this.index = index;
            this.field = field;
        }

        /** The filter's index in the connection's list. */
        public int index() {
            return index;
        }

        /** The filter's key at fault: {@code if}, {@code dropProperties} or {@code allowProperties}. */
        public String field() {
            return field;
        }
    }
}
