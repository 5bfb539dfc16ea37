/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.router.internal.Routed;
import dev.switchboard.schemas.Stage;
import dev.switchboard.workspace.privacy.RoutePrivacy;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/** Applies each route's privacy rules to its copy of the event, after fan-out and before map. */
public final class PrivacyStage {

    static final String NAME = Stage.PRIVACY.processorName();

    private PrivacyStage() {}

    public static KStream<String, Routed> apply(KStream<String, Routed> routed) {
        return routed.processValues(PrivacyProcessor::new, Named.as(NAME));
    }

    /**
     * The route's copy as its destination's rules let it through: {@code routed} itself when the route has
     * no rules or they change nothing (the replay calls it too, so it sends what the router sends). Pure.
     */
    public static Routed apply(Routed routed) {
        RoutePrivacy rules = routed.route().privacy();
        if (rules.isEmpty()) {
            return routed;
        }
        ObjectNode json = rules.apply(routed.json());
        return json == routed.json() ? routed : new Routed(routed.event(), routed.route(), json);
    }
}
