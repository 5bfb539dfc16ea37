/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.validate;

import dev.switchboard.router.internal.Outcome;
import dev.switchboard.router.internal.Outcomes;
import dev.switchboard.router.internal.Parsed;
import dev.switchboard.router.internal.Rejections;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/** Rejects calls that break the spec's rules; coerces numeric ids to strings. */
public final class ValidateStage {

    static final String NAME = "sb-validate";

    private ValidateStage() {}

    public static KStream<String, Parsed> apply(KStream<String, Parsed> parsed) {
        return Outcomes.split(parsed.mapValues(ValidateStage::validate, Named.as(NAME)), NAME);
    }

    static Outcome<Parsed> validate(Parsed p) {
        return Validator.check(p.json())
                .<Outcome<Parsed>>map(v -> Outcome.rejected(Rejections.of("validate", v.code(), v.reason(), p.raw())))
                .orElseGet(() -> Outcome.ok(p));
    }
}
