/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own on the test's class path (passed as an {@code @argfile}), its output appended to a
 * log file: started, killed with SIGKILL ({@link Process#destroyForcibly()} on Linux), stopped with
 * SIGTERM, started again with the same arguments.
 */
public class ChildProcess implements AutoCloseable {

    private final String name;
    private final Path log;
    private final List<String> command;
    private Process process;
    private int starts;

    public ChildProcess(String name, Path dir, List<String> jvmOptions, String mainClass, List<String> args)
            throws IOException {
        this.name = name;
        this.log = dir.resolve(name + ".log");
        Path classpath = dir.resolve("classpath.args");
        synchronized (ChildProcess.class) {
            if (Files.notExists(classpath)) { // written once: a JVM starting reads it
                Files.writeString(classpath, "-cp \"" + System.getProperty("java.class.path") + "\"\n");
            }
        }
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.addAll(jvmOptions);
        c.add("@" + classpath);
        c.add(mainClass);
        c.addAll(args);
        this.command = List.copyOf(c);
    }

    public String name() {
        return name;
    }

    /** Starts it (again), appending to its log. */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        starts++;
        Files.writeString(
                log,
                "%n==== start %d of %s%n".formatted(starts, name),
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** SIGKILL, and waits until the process is gone. */
    public synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM; waits up to {@code timeout}, then SIGKILL. Returns the exit code, or -1 when it had to be killed. */
    public synchronized int terminate(Duration timeout) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return process == null ? -1 : process.exitValue();
        }
        process.destroy();
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        kill();
        return -1;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** How many times it was started. */
    public synchronized int starts() {
        return starts;
    }

    /** The CPU time (user + system) the running process used so far, as /proc/<pid>/stat counts it; zero when not running. */
    public synchronized Duration cpu() {
        return process == null || !process.isAlive()
                ? Duration.ZERO
                : process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public Path log() {
        return log;
    }

    /** The log's last {@code lines} lines. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Everything in the log from the last start on. */
    public String sinceLastStart() {
        try {
            String all = Files.readString(log, StandardCharsets.UTF_8);
            int at = all.lastIndexOf("==== start ");
            return at < 0 ? all : all.substring(at);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
