/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.live;

import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.Rejected;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the console read about one messageId, in the order it happened: the call as received,
 * the event the router made of it, its rejections, fan-out's decision per connection, each request
 * to a destination and each attempt. Guarded by the {@link Recorder}'s lock; readers get a {@link #copy()}.
 */
public final class Trace {

    private final String messageId;
    private RawCall received;
    private Event event;
    private final List<Rejected> rejections = new ArrayList<>();
    private List<Routing> routing = List.of();
    private final List<DestinationRequest> requests = new ArrayList<>();
    private final List<DeliveryOutcome> outcomes = new ArrayList<>();

    Trace(String messageId) {
        this.messageId = messageId;
    }

    /**
     * Fan-out's decision for one connection of the event's source.
     *
     * @param destinationId the destination
     * @param destinationName its display name
     * @param outcome {@code routed}, or why not: {@code integrations}, {@code filter}, {@code disabled}
     */
    public record Routing(String destinationId, String destinationName, String outcome) {}

    public String messageId() {
        return messageId;
    }

    public RawCall received() {
        return received;
    }

    public Event event() {
        return event;
    }

    public List<Rejected> rejections() {
        return rejections;
    }

    public List<Routing> routing() {
        return routing;
    }

    public List<DestinationRequest> requests() {
        return requests;
    }

    public List<DeliveryOutcome> outcomes() {
        return outcomes;
    }

    /** The source the call came from, whichever record told first; null when none did. */
    public String sourceId() {
        if (received != null) {
            return received.getSourceId();
        }
        if (event != null) {
            return event.getSourceId();
        }
        return rejections.stream()
                .map(Rejected::getSourceId)
                .filter(s -> s != null)
                .findFirst()
                .orElse(null);
    }

    void received(RawCall call) {
        this.received = call;
    }

    void event(Event e, List<Routing> decisions) {
        this.event = e;
        this.routing = List.copyOf(decisions);
    }

    void rejected(Rejected r) {
        rejections.add(r);
    }

    void request(DestinationRequest r) {
        requests.add(r);
    }

    void outcome(DeliveryOutcome o) {
        outcomes.add(o);
    }

    /** A copy safe to read outside the lock. */
    Trace copy() {
        Trace t = new Trace(messageId);
        t.received = received;
        t.event = event;
        t.rejections.addAll(rejections);
        t.routing = routing;
        t.requests.addAll(requests);
        t.outcomes.addAll(outcomes);
        return t;
    }
}
