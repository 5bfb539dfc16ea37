/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.console.live.Recorder;
import java.util.Locale;

/** The JSON of a destination's event delivery: totals and latency per hour and day, the trend, the errors. */
final class DeliveryView {

    private DeliveryView() {}

    static ObjectNode render(Recorder.Delivery d, Views views) {
        ObjectNode n = Views.JSON.createObjectNode();
        n.set("hour", summary(d.hour()));
        n.set("day", summary(d.day()));
        ArrayNode trend = n.putArray("trend");
        for (long[] m : d.trend()) {
            trend.addObject()
                    .put("t", m[0])
                    .put("delivered", m[1])
                    .put("retrying", m[2])
                    .put("deadLettered", m[3]);
        }
        ArrayNode errors = n.putArray("errors");
        for (var e : d.errors()) {
            ObjectNode x = errors.addObject();
            x.set("response", views.outcome(e.outcome()));
            if (e.request() != null) {
                x.set("request", views.request(e.request()));
            }
            ArrayNode ids = x.putArray("messageIds");
            e.outcome().getMessageIds().forEach(ids::add);
        }
        return n;
    }

    private static ObjectNode summary(dev.switchboard.console.live.DeliveryLedger.Summary s) {
        ObjectNode n = Views.JSON.createObjectNode();
        ObjectNode steps = n.putObject("steps");
        s.steps().forEach((step, count) -> steps.put(camel(step.name()), count));
        n.put("p50Ms", s.p50());
        n.put("p95Ms", s.p95());
        return n;
    }

    /** {@code DEAD_LETTERED} as {@code deadLettered}. */
    private static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
