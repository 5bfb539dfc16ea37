/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.errors;

import dev.switchboard.schemas.Topics;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/** Splits a stage's outcomes: rejections to {@code sb.rejected}, values down the main stream. */
public final class Outcomes {

    private Outcomes() {}

    /**
     * Sends the rejected outcomes of {@code stage} to {@code sb.rejected} and returns the others.
     * Processors are named {@code <stage>-rejected} and {@code <stage>-passed}.
     */
    public static <T> KStream<String, T> split(KStream<String, Outcome<T>> outcomes, String stage) {
        outcomes.filter((k, o) -> o.isRejected(), Named.as(stage + "-rejected"))
                .mapValues(Outcome::rejected, Named.as(stage + "-rejected-record"))
                .to(Topics.REJECTED.name(), Topics.REJECTED.produced().withName(stage + "-rejected-sink"));
        return outcomes.filter((k, o) -> !o.isRejected(), Named.as(stage + "-passed"))
                .mapValues(Outcome::value, Named.as(stage + "-value"));
    }
}
