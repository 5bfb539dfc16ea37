/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.replay;

import java.time.Instant;
import java.util.Map;

/**
 * What a replay run did (or, in a dry run, would do).
 *
 * @param replayId the replay
 * @param from the window's start, as the first run resolved it
 * @param to the window's end, as the first run resolved it
 * @param resumed whether an earlier run of this replay id had made progress
 * @param sent per destination, per event name (a track's name, else the call type), the events this
 *     run sent (would send); an event counts once per destination however many requests it made
 * @param rejected per destination, the events its mapper refused (not sent; on {@code sb.rejected} unless a dry run)
 * @param firstRejection per destination with rejections, the first: {@code "<messageId>: <code>: <reason>"}
 * @param sentBefore events earlier runs of this replay id sent, over every destination
 * @param unreadable archive records that could not be decoded, skipped
 * @param done offsets of the window this run went through
 * @param total offsets of the window left when this run started
 * @param stopped whether the run was asked to stop before the end of the window
 */
public record ReplayResult(
        String replayId,
        Instant from,
        Instant to,
        boolean resumed,
        Map<String, Map<String, Long>> sent,
        Map<String, Long> rejected,
        Map<String, String> firstRejection,
        long sentBefore,
        long unreadable,
        long done,
        long total,
        boolean stopped) {

    /** Events this run sent (would send), over every destination. */
    public long sentCount() {
        return sent.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(Long::longValue)
                .sum();
    }
}
