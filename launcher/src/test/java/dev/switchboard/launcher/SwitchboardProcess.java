/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code switchboard} command as a child JVM on the test classpath, its output in a log file:
 * for tests that stop it with SIGTERM as Kubernetes and Ctrl-C do.
 */
final class SwitchboardProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private SwitchboardProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Runs {@code switchboard <args>}, its output in {@code log}. */
    static SwitchboardProcess start(Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                Switchboard.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new SwitchboardProcess(p, log);
    }

    /** Everything it printed so far. */
    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The first group of {@code pattern} in its output, waiting for it up to {@code timeout}. */
    String awaitOutput(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(output());
            if (m.find()) {
                return m.group(1);
            }
            if (!process.isAlive()) {
                throw new AssertionError(
                        "exited with " + process.exitValue() + " before printing " + pattern + ":\n" + output());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + pattern + " within " + timeout + ":\n" + output());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM and waits for the exit; returns the exit code, or -1 when it did not exit in time. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
