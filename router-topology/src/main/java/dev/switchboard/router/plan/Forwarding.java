/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.router.internal.Configured;
import dev.switchboard.router.internal.Enriched;
import dev.switchboard.router.internal.Planned;
import dev.switchboard.router.support.Json;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.Violation;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.config.SourceConfig;
import dev.switchboard.workspace.plan.CompiledPlan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What a source's plan forwards of one judged event into another source (Segment's Forward Violations
 * and Forward Blocked Events): one {@code Violation Generated} track call per distinct (pointer, kind)
 * of its violations ({@link ViolationGenerated}), and the event itself, as it came, when the plan
 * blocked it. Each is an event of the chosen source from then on: archived on {@code sb.events} under
 * that source, fanned out to its connections and loaded into its warehouse tables. A forwarded event
 * enters after the plan step, so no plan judges it (two sources forwarding to each other make no
 * loop); it carries the headers {@code sb-forwarded} ({@code violation} or {@code blocked}) and
 * {@code sb-forwarded-from} (the judged event's source).
 */
final class Forwarding {

    /** One event to forward: the record's value and the mark its headers get. */
    record Forwarded(Planned planned, String kind, String from) {

        /** The judged record's headers and the forwarding mark; a copy, as the input's may be shared. */
        Headers headers(Headers in) {
            Headers out = new RecordHeaders(in.toArray());
            out.add(PlanStage.FORWARDED_HEADER, kind.getBytes(StandardCharsets.UTF_8));
            out.add(PlanStage.FORWARDED_FROM_HEADER, from.getBytes(StandardCharsets.UTF_8));
            return out;
        }
    }

    private Forwarding() {}

    /** What to forward of {@code judged}, as the plan step made {@code planned} of it; empty most of the time. */
    static List<Forwarded> of(Configured judged, Planned planned, boolean blockedByPlan) {
        if (planned.violations().isEmpty() && !blockedByPlan) {
            return List.of();
        }
        CompiledWorkspace ws = judged.workspace();
        Event event = judged.event().event();
        CompiledPlan plan = ws.plan(event.getSourceId());
        if (plan == null) {
            return List.of();
        }
        List<Forwarded> out = new ArrayList<>();
        String violationsTo = plan.forwardViolations();
        if (violationsTo != null && !planned.violations().isEmpty()) {
            String sourceName = ws.source(event.getSourceId())
                    .map(SourceConfig::displayName)
                    .orElse(event.getSourceId());
            Set<String> seen = new HashSet<>();
            for (Violation v : planned.violations()) {
                if (seen.add(v.getPointer() + '\u0000' + v.getKind())) {
                    ObjectNode call =
                            ViolationGenerated.call(v, event, judged.event().json(), sourceName);
                    out.add(forwarded(ws, asEvent(call, event, violationsTo), call, "violation", event));
                }
            }
        }
        String blockedTo = plan.forwardBlockedEvents();
        if (blockedTo != null && blockedByPlan) {
            Event copy = Event.newBuilder(event).setSourceId(blockedTo).build();
            Enriched e =
                    new Enriched(copy, judged.event().json(), judged.event().text());
            out.add(new Forwarded(new Planned(new Configured(e, ws), copy, List.of()), "blocked", event.getSourceId()));
        }
        return out;
    }

    private static Forwarded forwarded(CompiledWorkspace ws, Event e, ObjectNode json, String kind, Event judged) {
        Enriched enriched = new Enriched(e, json, e.getJson().getBytes(StandardCharsets.UTF_8));
        return new Forwarded(new Planned(new Configured(enriched, ws), e, List.of()), kind, judged.getSourceId());
    }

    private static Event asEvent(ObjectNode call, Event judged, String sourceId) {
        return Event.newBuilder()
                .setMessageId(call.get("messageId").asText())
                .setType("track")
                .setUserId(ViolationGenerated.USER_ID)
                .setAnonymousId(null)
                .setEvent(ViolationGenerated.EVENT)
                .setWorkspaceId(judged.getWorkspaceId())
                .setSourceId(sourceId)
                .setReceivedAt(judged.getReceivedAt())
                .setTimestamp(judged.getReceivedAt())
                .setJson(Json.write(call))
                .build();
    }
}
