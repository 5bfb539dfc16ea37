/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.plan;

import dev.switchboard.router.internal.Configured;
import dev.switchboard.router.internal.Planned;
import dev.switchboard.schemas.ArchiveHeaders;
import dev.switchboard.schemas.Stage;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.UserSuppression;
import dev.switchboard.workspace.plan.SuppressedUsers;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Judges each event by its source's tracking plan and drops suppressed users' events from fan-out.
 * Nothing is lost: blocked and suppressed events are still archived, marked by a header.
 */
public final class PlanStage {

    static final String NAME = Stage.PLAN.processorName();

    /** The archive's headers, named where every consumer of {@code sb.events} reads them ({@link ArchiveHeaders}). */
    public static final String BLOCKED_HEADER = ArchiveHeaders.BLOCKED;

    public static final String VIOLATIONS_HEADER = ArchiveHeaders.VIOLATIONS;
    public static final String FORWARDED_HEADER = ArchiveHeaders.FORWARDED;
    public static final String FORWARDED_FROM_HEADER = ArchiveHeaders.FORWARDED_FROM;

    private PlanStage() {}

    /** The plan step with the workspaces' suppression lists only. */
    public static KStream<String, Planned> apply(KStream<String, Configured> events) {
        return events.processValues(() -> new PlanProcessor(null), Named.as(NAME));
    }

    /**
     * The plan step with the operators' suppressions too: {@code suppressions} is the global table of
     * {@code sb.suppressions} (materialized without caching, so that a change applies as soon as it is read).
     */
    public static KStream<String, Planned> apply(
            KStream<String, Configured> events, GlobalKTable<String, UserSuppression> suppressions) {
        String store = suppressions.queryableStoreName();
        return events.processValues(() -> new PlanProcessor(store), Named.as(NAME));
    }

    /**
     * What the plan makes of one event, as the stage decides it (suppression, then the source's plan): the replay
     * asks it so that it holds back what the router holds back. Pure: no metrics, no I/O.
     */
    public static Planned plan(Configured event) {
        return plan(event, SuppressedUsers.NONE);
    }

    /** As {@link #plan(Configured)}, with the operators' suppressions ({@code sb.suppressions}) too. */
    public static Planned plan(Configured event, SuppressedUsers topicSuppressions) {
        return PlanProcessor.decide(event, topicSuppressions).planned();
    }

    /** Writes every violation to {@code sb.violations}. */
    public static void violations(KStream<String, Planned> planned) {
        planned.flatMapValues(Planned::violations, Named.as(NAME + "-violations"))
                .to(Topics.VIOLATIONS.name(), Topics.VIOLATIONS.produced().withName(NAME + "-violations-sink"));
    }

    /** What fan-out gets: the events neither blocked nor suppressed, as their plan delivers them. */
    public static KStream<String, Configured> delivered(KStream<String, Planned> planned) {
        return planned.filter((k, p) -> p.delivered() != null, Named.as(NAME + "-passed"))
                .mapValues(Planned::delivered, Named.as(NAME + "-value"));
    }
}
