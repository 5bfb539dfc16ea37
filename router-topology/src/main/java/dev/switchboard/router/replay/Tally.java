/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.replay;

import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.Rejected;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A run's counts: events per destination and event name, mapper rejections per destination (and the first). */
final class Tally {

    private final Map<String, Map<String, Long>> sent = new TreeMap<>();
    private final Map<String, Long> rejected = new TreeMap<>();
    private final Map<String, String> firstRejection = new TreeMap<>();
    private long count;

    /** Counts one event's routing; returns the (destination, event) pairs it sent. */
    long add(Event e, ReplayRouting.Routing routing) {
        Set<String> destinations = new LinkedHashSet<>();
        for (DestinationRequest r : routing.requests()) {
            destinations.add(r.getDestinationId());
        }
        String name = e.getEvent() != null ? e.getEvent() : e.getType();
        destinations.forEach(d -> sent.computeIfAbsent(d, k -> new TreeMap<>()).merge(name, 1L, Long::sum));
        for (Rejected rejection : routing.rejections()) {
            rejected.merge(rejection.getDestinationId(), 1L, Long::sum);
            firstRejection.putIfAbsent(
                    rejection.getDestinationId(),
                    rejection.getMessageId() + ": " + rejection.getCode() + ": " + rejection.getReason());
        }
        count += destinations.size();
        return destinations.size();
    }

    Map<String, Map<String, Long>> sent() {
        return sent;
    }

    Map<String, Long> rejected() {
        return rejected;
    }

    Map<String, String> firstRejection() {
        return firstRejection;
    }

    long count() {
        return count;
    }
}
