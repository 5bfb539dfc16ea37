/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import dev.switchboard.schemas.avro.FieldSeen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A source's field inventory as {@code switchboard fields} shows it: the records of every router task on
 * {@code sb.fields} merged per path (every type any task saw, the earliest first seen, the latest last seen, a
 * PII kind when any task found one, red before yellow). Pure.
 */
final class MergedFields {

    /** One path of the merged inventory. */
    record Field(
            String path, List<String> types, String pii, String classification, Instant firstSeen, Instant lastSeen) {}

    private MergedFields() {}

    /** The paths of {@code sourceId} in {@code records}, merged, by path. */
    static List<Field> merge(Collection<FieldSeen> records, String sourceId) {
        Map<String, List<FieldSeen>> byPath = new TreeMap<>();
        for (FieldSeen f : records) {
            if (f.getSourceId().equals(sourceId)) {
                byPath.computeIfAbsent(f.getPath(), p -> new ArrayList<>()).add(f);
            }
        }
        List<Field> out = new ArrayList<>(byPath.size());
        byPath.forEach((path, seen) -> out.add(merged(path, seen)));
        return out;
    }

    private static Field merged(String path, List<FieldSeen> seen) {
        Set<String> types = new LinkedHashSet<>();
        String pii = null;
        String classification = null;
        Instant first = null;
        Instant last = null;
        for (FieldSeen f : seen) {
            types.addAll(f.getTypes());
            if (f.getPii() != null
                    && (pii == null || "red".equals(f.getClassification()) && !"red".equals(classification))) {
                pii = f.getPii();
                classification = f.getClassification();
            }
            first = first == null || f.getFirstSeen().isBefore(first) ? f.getFirstSeen() : first;
            last = last == null || f.getLastSeen().isAfter(last) ? f.getLastSeen() : last;
        }
        return new Field(path, List.copyOf(types), pii, classification, first, last);
    }
}
