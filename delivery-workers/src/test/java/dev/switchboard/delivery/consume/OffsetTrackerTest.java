/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.consume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    @Test
    void shouldCommitOnlyUpToTheOldestUnfinishedOffsetWhenCallsFinishOutOfOrder() {
        // Given
        OffsetTracker t = new OffsetTracker();
        for (long o = 10; o < 15; o++) {
            t.read(o);
        }

        // When 11..14 finish but 10 does not
        for (long o = 11; o < 15; o++) {
            t.done(o);
        }

        // Then
        assertThat(t.committable()).isEqualTo(10);
        t.done(10);
        assertThat(t.committable()).isEqualTo(15);
    }

    @Test
    void shouldHaveNothingToCommitWhenNothingWasReadOrItWasCommitted() {
        OffsetTracker t = new OffsetTracker();
        assertThat(t.committable()).isEqualTo(-1);
        t.read(0);
        t.done(0);
        t.committed(1);
        assertThat(t.committable()).isEqualTo(-1);
    }
}
