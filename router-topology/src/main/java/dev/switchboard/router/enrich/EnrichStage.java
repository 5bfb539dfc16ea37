/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.enrich;

import dev.switchboard.router.internal.Enriched;
import dev.switchboard.router.internal.Parsed;
import dev.switchboard.schemas.Stage;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/** Adds what the server knows to each valid call. */
public final class EnrichStage {

    static final String NAME = Stage.ENRICH.processorName();

    private EnrichStage() {}

    public static KStream<String, Enriched> apply(KStream<String, Parsed> valid) {
        return valid.mapValues(Enricher::enrich, Named.as(NAME));
    }
}
