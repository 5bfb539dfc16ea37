/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.console.live.ViolationLog;
import dev.switchboard.schemas.avro.Violation;
import dev.switchboard.schemas.avro.ViolationKind;

/** The JSON of {@code GET /api/sources/<id>/violations}: counts per kind and the recent violations, newest first. */
final class ViolationsView {

    private ViolationsView() {}

    static ObjectNode render(String sourceId, ViolationLog.Snapshot s) {
        ObjectNode n = Views.JSON.createObjectNode();
        n.put("sourceId", sourceId);
        n.put("total", s.total());
        ObjectNode counts = n.putObject("counts");
        for (ViolationKind k : ViolationKind.values()) {
            counts.put(k.name(), s.counts().getOrDefault(k, 0L));
        }
        ArrayNode recent = n.putArray("violations");
        for (Violation v : s.recent()) {
            recent.addObject()
                    .put("messageId", v.getMessageId())
                    .put("type", v.getType())
                    .put("event", v.getEvent())
                    .put("pointer", v.getPointer())
                    .put("kind", v.getKind().name())
                    .put("expected", v.getExpected())
                    .put("actual", v.getActual())
                    .put("planVersion", v.getPlanVersion())
                    .put("enforcement", v.getEnforcement())
                    .put("blocked", v.getBlocked())
                    .put("judgedAt", v.getJudgedAt().toString());
        }
        return n;
    }
}
