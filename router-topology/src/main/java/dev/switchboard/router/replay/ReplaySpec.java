/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.replay;

import dev.switchboard.schemas.avro.Event;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What to replay: the archived events of one source received in [{@code from}, {@code to}) that
 * match the optional event-name glob and call type, to the chosen destinations.
 *
 * @param replayId names the replay: its progress and the tag on every request it writes
 * @param sourceId the source whose events are replayed
 * @param destinationIds the destinations to replay to, sorted, never empty
 * @param from the window's start (inclusive), by the archive's record time
 * @param to the window's end (exclusive)
 * @param eventGlob a glob ({@code *}, {@code ?}) on the event name (track's {@code event}), or null for all
 * @param eventType a call type ({@code track}, {@code identify}, ...), or null for all
 */
public record ReplaySpec(
        String replayId,
        String sourceId,
        List<String> destinationIds,
        Instant from,
        Instant to,
        String eventGlob,
        String eventType) {

    public ReplaySpec {
        destinationIds = List.copyOf(new TreeSet<>(destinationIds));
        if (destinationIds.isEmpty()) {
            throw new IllegalArgumentException("a replay needs at least one destination");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the window's end " + to + " is not after its start " + from);
        }
    }

    /** As above, destinations in any order. */
    public static ReplaySpec of(
            String replayId,
            String sourceId,
            Collection<String> destinationIds,
            Instant from,
            Instant to,
            String eventGlob,
            String eventType) {
        return new ReplaySpec(replayId, sourceId, List.copyOf(destinationIds), from, to, eventGlob, eventType);
    }

    /** Whether an archived event is one this replay sends (its time is the window's business, by offsets). */
    public boolean matches(Event e) {
        if (!sourceId.equals(e.getSourceId())) {
            return false;
        }
        if (eventType != null && !eventType.equals(e.getType())) {
            return false;
        }
        return eventGlob == null
                || (e.getEvent() != null
                        && glob(eventGlob).matcher(e.getEvent()).matches());
    }

    /** A glob as a regular expression: {@code *} any run of characters, {@code ?} one, the rest literal. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
