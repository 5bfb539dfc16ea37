/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import dev.switchboard.options.KafkaAccess;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.SuppressedIdType;
import dev.switchboard.schemas.avro.UserSuppression;
import dev.switchboard.workspace.SuppressionView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Adds and lifts operators' suppressions on {@code sb.suppressions} (a record; a tombstone), reading the topic
 * first so that nothing is written twice, and back after a write so that a following {@link #all} sees it. The
 * router follows the topic with a global table: a change applies within seconds, on every instance.
 */
final class Suppressions implements AutoCloseable {

    private final SuppressionView view;
    private final KafkaProducer<byte[], byte[]> producer;

    /** Throws {@link BadArgument} when {@code sb.suppressions} does not exist. */
    Suppressions(KafkaAccess kafka) {
        RequiredTopic.check(kafka, Topics.SUPPRESSIONS);
        this.view = new SuppressionView(kafka.properties(), "sb-cli-suppressions").start();
        Properties p = kafka.properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        awaitLoaded();
    }

    /** The suppression in force under {@code (workspace, type, id)}, or null. */
    UserSuppression get(String workspaceId, SuppressedIdType type, String id) {
        return view.get(Topics.suppressionKey(workspaceId, type, id));
    }

    /** Every suppression on the topic, by key. */
    List<UserSuppression> all() {
        return view.all();
    }

    /** Writes {@code s}; returns the suppression that was already in force (then nothing is written), or null. */
    UserSuppression add(UserSuppression s) {
        UserSuppression before = get(s.getWorkspaceId(), s.getIdType(), s.getId());
        if (before == null) {
            String key = Topics.suppressionKey(s.getWorkspaceId(), s.getIdType(), s.getId());
            write(key, Topics.SUPPRESSIONS.valueSerde().serializer().serialize(Topics.SUPPRESSIONS.name(), s));
        }
        return before;
    }

    /** Lifts a suppression with a tombstone; returns the one lifted, or null when there was none (nothing written). */
    UserSuppression remove(String workspaceId, SuppressedIdType type, String id) {
        UserSuppression before = get(workspaceId, type, id);
        if (before != null) {
            write(Topics.suppressionKey(workspaceId, type, id), null);
        }
        return before;
    }

    /** Writes one record and waits until the view has read it back (at most 10 s), so that {@link #all} shows it. */
    private void write(String key, byte[] value) {
        try {
            RecordMetadata written = producer.send(new ProducerRecord<>(
                            Topics.SUPPRESSIONS.name(), key.getBytes(StandardCharsets.UTF_8), value))
                    .get(30, TimeUnit.SECONDS);
            view.awaitRead(written.partition(), written.offset(), Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + Topics.SUPPRESSIONS.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write " + Topics.SUPPRESSIONS.name() + ": " + e, e);
        }
    }

    private void awaitLoaded() {
        try {
            if (!view.awaitLoaded(Duration.ofSeconds(30))) {
                close();
                throw new IllegalStateException("cannot read " + Topics.SUPPRESSIONS.name() + " within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while reading " + Topics.SUPPRESSIONS.name(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        view.close();
    }
}
