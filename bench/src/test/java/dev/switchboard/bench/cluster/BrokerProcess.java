/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.cluster;

import ch.qos.logback.classic.Level;
import dev.switchboard.embedded.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker in an OS process of its own, on a data directory and a port that
 * survive its restarts: SIGTERM is a controlled shutdown (a shutdown hook closes the broker), SIGKILL
 * leaves the logs as a crash does and the next start recovers them. The child also stops when its
 * standard input closes, so it never outlives the suite.
 */
public final class BrokerProcess extends ChildProcess {

    private final int port;

    private BrokerProcess(Path dir, Path dataDir, int port) throws IOException {
        super(
                "broker",
                dir,
                List.of("-Xms512m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError"),
                BrokerProcess.class.getName(),
                List.of(dataDir.toString(), Integer.toString(port)));
        this.port = port;
    }

    /** A broker on {@code port} with its data in {@code dataDir}, its log in {@code dir}, not yet started. */
    public static BrokerProcess in(Path dir, Path dataDir, int port) throws IOException {
        return new BrokerProcess(dir, dataDir, port);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts it and waits until it printed that it serves. */
    public void startAndAwait(Duration timeout) throws IOException, InterruptedException {
        start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!sinceLastStart().contains("bootstrap=")) {
            if (!isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not start:\n" + tail(40));
            }
            Thread.sleep(100);
        }
    }

    /** The child: the broker until SIGTERM or until standard input closes. */
    public static void main(String[] args) throws IOException {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        EmbeddedKafka kafka = EmbeddedKafka.create(Path.of(args[0]), Integer.parseInt(args[1]))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "broker-shutdown"));
        System.out.println("bootstrap=" + kafka.bootstrapServers());
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the suite closes the pipe, or dies
        }
        System.exit(0); // runs the hook
    }
}
