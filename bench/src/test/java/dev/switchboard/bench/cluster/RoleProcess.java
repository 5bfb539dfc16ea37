/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code switchboard <role> --kafka=... <args>} in a JVM of its own, exactly as the image runs it
 * (the launcher's main class, {@code -XX:+ExitOnOutOfMemoryError}); ready when its {@code /readyz}
 * on {@code port} answers 200.
 */
public final class RoleProcess extends ChildProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final int port;

    public RoleProcess(String role, Path dir, String bootstrap, int port, List<String> args) throws IOException {
        this(role, role, dir, bootstrap, port, args);
    }

    /** A role under another name (its log {@code <name>.log}): a second router or delivery. */
    public RoleProcess(String role, String name, Path dir, String bootstrap, int port, List<String> args)
            throws IOException {
        super(
                name,
                dir,
                List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError"),
                "dev.switchboard.launcher.Switchboard",
                command(role, bootstrap, port, args));
        this.port = port;
    }

    /** The tracking API serves /readyz on its own port, the others on --ops-port. */
    private static List<String> command(String role, String bootstrap, int port, List<String> args) {
        List<String> c = new ArrayList<>(List.of(role, "--kafka=" + bootstrap));
        c.add((role.equals("tracking-api") ? "--port=" : "--ops-port=") + port);
        c.addAll(args);
        return c;
    }

    public int port() {
        return port;
    }

    public boolean ready() {
        HttpRequest readyz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .timeout(Duration.ofSeconds(1))
                .build();
        try {
            return HTTP.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until {@code /readyz} answers 200; fails with the log's tail when it exits or times out. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (!isAlive()) {
                throw new IllegalStateException(name() + " exited before it was ready:\n" + tail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + " not ready within " + timeout + ":\n" + tail(40));
            }
            Thread.sleep(200);
        }
    }
}
