/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.router.errors.Outcome;
import dev.switchboard.router.errors.Outcomes;
import dev.switchboard.router.errors.Rejections;
import dev.switchboard.router.internal.Parsed;
import dev.switchboard.router.support.Json;
import dev.switchboard.schemas.Stage;
import dev.switchboard.schemas.avro.RawCall;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/** Parses each raw call's payload; what is not a JSON object is rejected. */
public final class ParseStage {

    static final String NAME = Stage.PARSE.processorName();

    private ParseStage() {}

    public static KStream<String, Parsed> apply(KStream<String, RawCall> raw) {
        return Outcomes.split(raw.mapValues(ParseStage::parse, Named.as(NAME)), NAME);
    }

    static Outcome<Parsed> parse(RawCall raw) {
        try {
            JsonNode node = Json.MAPPER.readTree(raw.getPayload());
            if (node instanceof ObjectNode object) {
                return Outcome.ok(new Parsed(raw, object));
            }
            return Outcome.rejected(Rejections.of(Stage.PARSE, "bad_request", "the payload is not a JSON object", raw));
        } catch (JsonProcessingException e) {
            return Outcome.rejected(Rejections.of(
                    Stage.PARSE, "bad_request", "the payload is not valid JSON: " + e.getOriginalMessage(), raw));
        }
    }
}
