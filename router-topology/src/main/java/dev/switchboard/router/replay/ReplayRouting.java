/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.router.errors.Outcome;
import dev.switchboard.router.fanout.FanOutStage;
import dev.switchboard.router.internal.Configured;
import dev.switchboard.router.internal.Enriched;
import dev.switchboard.router.internal.Routed;
import dev.switchboard.router.map.MapStage;
import dev.switchboard.router.plan.PlanStage;
import dev.switchboard.router.privacy.PrivacyStage;
import dev.switchboard.router.support.Json;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.Rejected;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.Route;
import dev.switchboard.workspace.plan.SuppressedUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One archived event through the router's fan-out and map, restricted to chosen destinations. As at
 * Segment, the replayed event's {@code integrations} become {@code {"All": false, "<D>": true}} for
 * each chosen destination D (by its display name, which is what fan-out reads), so fan-out keeps
 * only them, and their current plan, suppression list, filters and mapping apply. Pure: no I/O.
 */
public final class ReplayRouting {

    /**
     * What one event became.
     *
     * @param requests the requests to write, each with the replay id set, in fan-out order
     * @param rejections one {@link Rejected} (stage {@code map}, as the router's map stage writes it to
     *     {@code sb.rejected}) per destination whose mapper refused the event
     */
    public record Routing(List<DestinationRequest> requests, List<Rejected> rejections) {}

    private ReplayRouting() {}

    /**
     * Routes {@code event} to those of {@code destinationIds} its source is connected to in
     * {@code workspace}. Throws {@link IllegalArgumentException} when the archived JSON cannot be read.
     */
    public static Routing route(Event event, CompiledWorkspace workspace, Set<String> destinationIds, String replayId) {
        return route(event, workspace, SuppressedUsers.NONE, destinationIds, replayId);
    }

    /** As above, holding back the events of users suppressed on {@code sb.suppressions} too. */
    public static Routing route(
            Event event,
            CompiledWorkspace workspace,
            SuppressedUsers suppressed,
            Set<String> destinationIds,
            String replayId) {
        ObjectNode json = parse(event.getJson());
        ObjectNode integrations = Json.MAPPER.createObjectNode().put("All", false);
        for (Route r : workspace.routes(event.getSourceId())) {
            if (destinationIds.contains(r.destination().id())) {
                integrations.put(r.destination().displayName(), true);
            }
        }
        json.set("integrations", integrations);
        Enriched enriched = new Enriched(event, json, Json.bytes(json));
        List<DestinationRequest> requests = new ArrayList<>();
        List<Rejected> rejections = new ArrayList<>();
        // The plan and suppression as the router applies them: a blocked or suppressed event is not replayed.
        Configured planned =
                PlanStage.plan(new Configured(enriched, workspace), suppressed).delivered();
        if (planned == null) {
            return new Routing(List.of(), List.of());
        }
        for (Routed routed : FanOutStage.routes(planned)) {
            String id = routed.route().destination().id();
            if (!destinationIds.contains(id)) {
                continue; // another destination with the same display name: not chosen
            }
            for (Outcome<DestinationRequest> o : MapStage.map(PrivacyStage.apply(routed))) {
                if (o.isRejected()) {
                    rejections.add(o.rejected());
                } else {
                    DestinationRequest request = o.value();
                    request.setReplayId(replayId);
                    requests.add(request);
                }
            }
        }
        return new Routing(List.copyOf(requests), List.copyOf(rejections));
    }

    private static ObjectNode parse(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the archived event is not JSON: " + e.getOriginalMessage(), e);
        }
        throw new IllegalArgumentException("the archived event is not a JSON object");
    }
}
