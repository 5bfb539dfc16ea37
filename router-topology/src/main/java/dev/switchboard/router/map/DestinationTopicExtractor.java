/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.map;

import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DestinationRequest;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/** Sends each request to its destination's topic, {@code sb.dest.<destinationId>}. */
final class DestinationTopicExtractor implements TopicNameExtractor<String, DestinationRequest> {

    @Override
    public String extract(String key, DestinationRequest request, RecordContext context) {
        return Topics.destination(request.getDestinationId()).name();
    }

    /** Stable text for the golden topology description. */
    @Override
    public String toString() {
        return "sb.dest.<destinationId>";
    }
}
