/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.embedded;

import dev.switchboard.schemas.admin.TopicAdmin;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way a test gets a broker: a temporary embedded KRaft broker with Switchboard's core topics (and any
 * destinations' topics), started before and closed after. Registered on a static field it serves the whole
 * class; on an instance field, each test gets a fresh one.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedKafkaExtension KAFKA = EmbeddedKafkaExtension.withCoreTopics(2);
 * }</pre>
 */
public final class EmbeddedKafkaExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final int partitions;
    private final List<String> destinations;
    private EmbeddedKafka kafka;
    private boolean perClass;

    private EmbeddedKafkaExtension(int partitions, Collection<String> destinations) {
        this.partitions = partitions;
        this.destinations = List.copyOf(destinations);
    }

    /** A broker whose core topics have {@code partitions} partitions each. */
    public static EmbeddedKafkaExtension withCoreTopics(int partitions) {
        return new EmbeddedKafkaExtension(partitions, List.of());
    }

    /** As {@link #withCoreTopics}, plus the topics of these destinations. */
    public EmbeddedKafkaExtension withDestinations(String... destinationIds) {
        return new EmbeddedKafkaExtension(partitions, List.of(destinationIds));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** The running broker. */
    public EmbeddedKafka kafka() {
        if (kafka == null) {
            throw new IllegalStateException("the broker runs only inside a test");
        }
        return kafka;
    }

    public String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    /** A topic admin for this broker, with this extension's partition count; the caller closes it. */
    public TopicAdmin topicAdmin() {
        return new TopicAdmin(bootstrapServers(), partitions, (short) 1);
    }

    private void start() {
        kafka = EmbeddedKafka.temporary().start();
        try (TopicAdmin admin = topicAdmin()) {
            admin.createCore();
            if (!destinations.isEmpty()) {
                admin.createDestinations(destinations);
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private void stop() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }
}
