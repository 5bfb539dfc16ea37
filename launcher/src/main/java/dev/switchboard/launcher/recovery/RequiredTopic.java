/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import dev.switchboard.options.KafkaAccess;
import dev.switchboard.schemas.Topic;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/** A command's check that a state topic exists before it reads or writes it (a view would read a missing one as empty). */
final class RequiredTopic {

    private RequiredTopic() {}

    /** Throws {@link BadArgument} when {@code topic} does not exist. */
    static void check(KafkaAccess kafka, Topic<?, ?> topic) {
        try (Admin admin = Admin.create(kafka.properties())) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (!names.contains(topic.name())) {
                throw new BadArgument("topic " + topic.name() + " does not exist at " + kafka.bootstrapServers()
                        + " (run 'switchboard topics create')");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the topics at " + kafka.bootstrapServers() + ": " + e, e);
        }
    }
}
