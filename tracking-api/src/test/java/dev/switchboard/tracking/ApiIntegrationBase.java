/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking;

import dev.switchboard.embedded.EmbeddedKafkaExtension;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.Rejected;
import dev.switchboard.tracking.support.ApiUnderTest;
import dev.switchboard.tracking.support.TopicReader;
import dev.switchboard.tracking.support.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One embedded broker and one tracking API per test class, with readers of {@code sb.ingest.raw}
 * and {@code sb.rejected} that skip what earlier tests wrote.
 */
abstract class ApiIntegrationBase {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = Workspace.broker();

    static ApiUnderTest api;
    static TopicReader<RawCall> raw;
    static TopicReader<Rejected> rejected;

    @BeforeAll
    static void startBrokerAndApi() {
        Workspace.publish(KAFKA.bootstrapServers());
        api = new ApiUnderTest(KAFKA.bootstrapServers());
        raw = new TopicReader<>(KAFKA.bootstrapServers(), Topics.INGEST_RAW);
        rejected = new TopicReader<>(KAFKA.bootstrapServers(), Topics.REJECTED);
    }

    @AfterAll
    static void stopBrokerAndApi() {
        rejected.close();
        raw.close();
        api.close();
    }

    @BeforeEach
    void forgetEarlierRecords() {
        raw.skipToEnd();
    }
}
