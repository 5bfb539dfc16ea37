/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.console.live.ViolationLog;
import dev.switchboard.schemas.avro.Violation;
import dev.switchboard.schemas.avro.ViolationKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of {@code GET /api/sources/<id>/violations}: counts per kind and the recent violations, newest first. */
final class ViolationsView {

    /** The answer, as docs/console-api.yaml describes it. */
    record Answer(String sourceId, long total, Map<String, Long> counts, List<Item> violations) {}

    /** One violation in the list (the {@code Violation} schema of docs/console-api.yaml). */
    record Item(
            String messageId,
            String type,
            String event,
            String pointer,
            String kind,
            String expected,
            String actual,
            int planVersion,
            String enforcement,
            boolean blocked,
            String judgedAt) {

        static Item of(Violation v) {
            return new Item(
                    v.getMessageId(),
                    v.getType(),
                    v.getEvent(),
                    v.getPointer(),
                    v.getKind().name(),
                    v.getExpected(),
                    v.getActual(),
                    v.getPlanVersion(),
                    v.getEnforcement(),
                    v.getBlocked(),
                    v.getJudgedAt().toString());
        }
    }

    private ViolationsView() {}

    static ObjectNode render(String sourceId, ViolationLog.Snapshot s) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ViolationKind k : ViolationKind.values()) {
            counts.put(k.name(), s.counts().getOrDefault(k, 0L));
        }
        List<Item> items = s.recent().stream().map(Item::of).toList();
        return Views.JSON.valueToTree(new Answer(sourceId, s.total(), counts, items));
    }
}
