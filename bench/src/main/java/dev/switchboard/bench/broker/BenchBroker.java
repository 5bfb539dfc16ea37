/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.broker;

import dev.switchboard.embedded.EmbeddedKafka;
import java.io.IOException;
import java.util.List;

/** The broker of a load run: in a JVM of its own ({@code forked}, the default) or in the bench's. */
public interface BenchBroker extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close() throws IOException;

    /** {@code where} is {@code forked} or {@code in-process}. */
    static BenchBroker start(String where) throws IOException {
        switch (where) {
            case "forked":
                return ForkedBroker.start(List.of("-Xms1g", "-Xmx1g"));
            case "in-process":
                EmbeddedKafka kafka = EmbeddedKafka.temporary().start();
                return new BenchBroker() {
                    @Override
                    public String bootstrapServers() {
                        return kafka.bootstrapServers();
                    }

                    @Override
                    public void close() {
                        kafka.close();
                    }
                };
            default:
                throw new IllegalArgumentException("broker must be forked or in-process, got " + where);
        }
    }
}
