/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking;

import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.Rejected;
import dev.switchboard.tracking.support.ApiUnderTest;
import dev.switchboard.tracking.support.TopicReader;
import dev.switchboard.tracking.support.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One embedded broker and one tracking API per test class, with readers of {@code sb.ingest.raw}
 * and {@code sb.rejected} that skip what earlier tests wrote.
 */
abstract class ApiIntegrationBase {

    static EmbeddedKafka kafka;
    static ApiUnderTest api;
    static TopicReader<RawCall> raw;
    static TopicReader<Rejected> rejected;

    @BeforeAll
    static void startBrokerAndApi() {
        kafka = Workspace.startBroker();
        api = new ApiUnderTest(kafka.bootstrapServers());
        raw = new TopicReader<>(kafka.bootstrapServers(), Topics.INGEST_RAW);
        rejected = new TopicReader<>(kafka.bootstrapServers(), Topics.REJECTED);
    }

    @AfterAll
    static void stopBrokerAndApi() {
        rejected.close();
        raw.close();
        api.close();
        kafka.close();
    }

    @BeforeEach
    void forgetEarlierRecords() {
        raw.skipToEnd();
    }
}
