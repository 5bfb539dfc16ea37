/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.plan;

import dev.switchboard.router.internal.Configured;
import dev.switchboard.router.internal.Enriched;
import dev.switchboard.router.internal.Planned;
import dev.switchboard.router.support.Json;
import dev.switchboard.router.support.StageSensors;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.Violation;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.plan.CompiledPlan;
import dev.switchboard.workspace.plan.Judgment;
import dev.switchboard.workspace.plan.PlanViolation;
import dev.switchboard.workspace.plan.SuppressedUsers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suppression first (a suppressed user's event is not judged), then the source's plan, then what the
 * plan forwards into another source ({@link Forwarding}). Counts violations, blocked, suppressed and
 * forwarded events ({@code sb-router} metrics of {@code sb-plan}). A failure
 * inside the plan's validator must not cost the event: it is passed on unjudged and logged.
 */
final class PlanProcessor implements FixedKeyProcessor<String, Configured, Planned> {

    private static final Logger LOG = LoggerFactory.getLogger(PlanProcessor.class);
    private static final int MAX_HEADER_VIOLATIONS = 50;
    private static final String SUPPRESSED = "suppressed";
    private static final String BLOCKED_BY_PLAN = "plan";

    private final String suppressionsStore;
    private FixedKeyProcessorContext<String, Planned> context;
    private SuppressedUsers topicSuppressions = SuppressedUsers.NONE;
    private Sensor violations;
    private Sensor blocked;
    private Sensor suppressed;
    private Sensor forwarded;

    /** @param suppressionsStore the global store of {@code sb.suppressions}, or null for none */
    PlanProcessor(String suppressionsStore) {
        this.suppressionsStore = suppressionsStore;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Planned> context) {
        this.context = context;
        if (suppressionsStore != null) {
            this.topicSuppressions = new SuppressionStore(context.getStateStore(suppressionsStore));
        }
        this.violations = sensor("violations");
        this.blocked = sensor("blocked");
        this.suppressed = sensor("suppressed");
        this.forwarded = sensor("forwarded");
    }

    private Sensor sensor(String operation) {
        return StageSensors.sensor(context, PlanStage.NAME, operation);
    }

    @Override
    public void process(FixedKeyRecord<String, Configured> record) {
        Decision d = decide(record.value(), topicSuppressions);
        Planned p = d.planned();
        if (!p.violations().isEmpty()) {
            violations.record(p.violations().size());
        }
        if (d.blockedAs() == null) {
            context.forward(record.withValue(p));
        } else {
            (d.blockedAs().equals(SUPPRESSED) ? suppressed : blocked).record();
            context.forward(record.withValue(p).withHeaders(headers(record.headers(), d.blockedAs(), p.violations())));
        }
        // In the same task as the judged event, so in the same transaction as all the router writes of it.
        for (Forwarding.Forwarded f : Forwarding.of(record.value(), p, BLOCKED_BY_PLAN.equals(d.blockedAs()))) {
            forwarded.record();
            context.forward(record.withValue(f.planned()).withHeaders(f.headers(record.headers())));
        }
    }

    /** What the plan makes of one event, and why it is kept from fan-out ({@code null}: it is not). */
    record Decision(Planned planned, String blockedAs) {}

    /**
     * Pure but for {@code topicSuppressions}' lookups: suppression (the workspace's list and the operators'
     * on {@code sb.suppressions}), then the source's plan. The replay asks it too, so it holds back the same
     * events.
     */
    static Decision decide(Configured c, SuppressedUsers topicSuppressions) {
        CompiledWorkspace ws = c.workspace();
        Event event = c.event().event();
        if (ws == null) {
            return new Decision(Planned.passed(c), null);
        }
        if (topicSuppressions.suppresses(event.getWorkspaceId(), event.getUserId(), event.getAnonymousId())) {
            return new Decision(new Planned(null, event, List.of()), SUPPRESSED);
        }
        if (!ws.governs(event.getSourceId())) {
            return new Decision(Planned.passed(c), null);
        }
        if (ws.suppression().suppresses(event.getUserId(), event.getAnonymousId())) {
            return new Decision(new Planned(null, event, List.of()), SUPPRESSED);
        }
        CompiledPlan plan = ws.plan(event.getSourceId());
        if (plan == null) {
            return new Decision(Planned.passed(c), null);
        }
        Judgment j;
        try {
            j = plan.judge(c.event().json());
        } catch (RuntimeException e) {
            LOG.error(
                    "the tracking plan of source {} failed on message {}",
                    event.getSourceId(),
                    event.getMessageId(),
                    e);
            return new Decision(Planned.passed(c), null);
        }
        List<Violation> found = records(event, c, plan, j);
        if (j.blocked()) {
            return new Decision(new Planned(null, event, found), BLOCKED_BY_PLAN);
        }
        Configured delivered = j.delivered() == c.event().json()
                ? c
                : new Configured(new Enriched(event, j.delivered(), Json.bytes(j.delivered())), ws);
        return new Decision(new Planned(delivered, event, found), null);
    }

    private static List<Violation> records(Event event, Configured c, CompiledPlan plan, Judgment j) {
        if (j.violations().isEmpty()) {
            return List.of();
        }
        String type = event.getType();
        String name =
                type.equals("track") ? event.getEvent() : Json.text(c.event().json(), "name");
        Instant now = Instant.now();
        List<Violation> out = new ArrayList<>(j.violations().size());
        for (PlanViolation v : j.violations()) {
            out.add(Violation.newBuilder()
                    .setWorkspaceId(event.getWorkspaceId())
                    .setSourceId(event.getSourceId())
                    .setMessageId(event.getMessageId())
                    .setType(type)
                    .setEvent(name)
                    .setPointer(v.pointer())
                    .setKind(v.kind())
                    .setExpected(v.expected())
                    .setActual(v.actual())
                    .setPlanVersion(j.version())
                    .setEnforcement(plan.enforcement())
                    .setBlocked(j.blocked())
                    .setJudgedAt(now)
                    .build());
        }
        return out;
    }

    /** The record's headers and the blocked mark; a copy, as the input's headers may be shared. */
    private static Headers headers(Headers in, String why, List<Violation> found) {
        Headers out = new RecordHeaders(in.toArray());
        out.add(PlanStage.BLOCKED_HEADER, why.getBytes(StandardCharsets.UTF_8));
        if (found != null && !found.isEmpty()) {
            var array = Json.MAPPER.createArrayNode();
            for (Violation v : found.subList(0, Math.min(found.size(), MAX_HEADER_VIOLATIONS))) {
                array.addObject()
                        .put("pointer", v.getPointer())
                        .put("kind", v.getKind().name())
                        .put("expected", v.getExpected())
                        .put("actual", v.getActual())
                        .put("planVersion", v.getPlanVersion());
            }
            out.add(PlanStage.VIOLATIONS_HEADER, Json.bytes(array));
        }
        return out;
    }
}
