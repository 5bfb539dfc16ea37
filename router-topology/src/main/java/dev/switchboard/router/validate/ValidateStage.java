/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.calls.CallRules;
import dev.switchboard.calls.CallType;
import dev.switchboard.calls.Rejection;
import dev.switchboard.router.errors.Outcome;
import dev.switchboard.router.errors.Outcomes;
import dev.switchboard.router.errors.Rejections;
import dev.switchboard.router.internal.Parsed;
import dev.switchboard.schemas.Stage;
import java.util.Optional;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Rejects calls that break Segment's rules, the same {@link CallRules} the tracking API applies, and
 * writes what they accept in more than one form in its one form.
 */
public final class ValidateStage {

    static final String NAME = Stage.VALIDATE.processorName();

    private ValidateStage() {}

    public static KStream<String, Parsed> apply(KStream<String, Parsed> parsed) {
        return Outcomes.split(parsed.mapValues(ValidateStage::validate, Named.as(NAME)), NAME);
    }

    static Outcome<Parsed> validate(Parsed p) {
        JsonNode typeField = p.json().get("type");
        Optional<CallType> type =
                CallType.fromWire(typeField != null && typeField.isTextual() ? typeField.textValue() : null);
        Optional<Rejection> problem =
                type.isEmpty() ? Optional.of(CallRules.unknownType()) : CallRules.check(p.json(), type.get());
        if (problem.isPresent()) {
            Rejection r = problem.get();
            return Outcome.rejected(Rejections.of(Stage.VALIDATE, r.code(), r.message(), p.raw()));
        }
        CallRules.normalize(p.json(), type.get());
        return Outcome.ok(p);
    }
}
