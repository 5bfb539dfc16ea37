/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.schemas.avro.Violation;
import dev.switchboard.schemas.avro.ViolationKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ViolationLogTest {

    @Test
    void shouldKeepTheNewestFirstUpToCapacityAndCountEveryKindRead() {
        // Given a log of capacity 2
        ViolationLog log = new ViolationLog(2);

        // When three violations are read, two of one kind
        log.add(violation("m1", ViolationKind.TYPE_MISMATCH));
        log.add(violation("m2", ViolationKind.REQUIRED_MISSING));
        log.add(violation("m3", ViolationKind.TYPE_MISMATCH));

        // Then the newest two are listed, newest first, and the counts cover all three
        ViolationLog.Snapshot s = log.snapshot(10);
        assertThat(s.recent()).extracting(Violation::getMessageId).containsExactly("m3", "m2");
        assertThat(s.counts())
                .containsEntry(ViolationKind.TYPE_MISMATCH, 2L)
                .containsEntry(ViolationKind.REQUIRED_MISSING, 1L)
                .containsEntry(ViolationKind.UNPLANNED_EVENT, 0L);
        assertThat(s.total()).isEqualTo(3);
        assertThat(log.snapshot(1).recent()).extracting(Violation::getMessageId).containsExactly("m3");
    }

    @Test
    void shouldAnswerCopiesWhenAViolationIsChangedAfterTheSnapshot() {
        ViolationLog log = new ViolationLog(5);
        log.add(violation("m1", ViolationKind.UNPLANNED_EVENT));

        ViolationLog.Snapshot s = log.snapshot(5);
        s.recent().get(0).setMessageId("changed");

        assertThat(log.snapshot(5).recent().get(0).getMessageId()).isEqualTo("m1");
        assertThat(ViolationLog.Snapshot.empty().total()).isZero();
    }

    private static Violation violation(String messageId, ViolationKind kind) {
        return Violation.newBuilder()
                .setWorkspaceId("acme")
                .setSourceId("web")
                .setMessageId(messageId)
                .setType("track")
                .setEvent("Order Completed")
                .setPointer("/properties/price")
                .setKind(kind)
                .setExpected("type: number")
                .setActual("string")
                .setPlanVersion(1)
                .setEnforcement("allow")
                .setBlocked(false)
                .setJudgedAt(Instant.parse("2026-01-01T12:00:00Z"))
                .build();
    }
}
