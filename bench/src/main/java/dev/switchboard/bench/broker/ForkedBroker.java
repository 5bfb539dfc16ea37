/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.broker;

import ch.qos.logback.classic.Level;
import dev.switchboard.embedded.EmbeddedKafka;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * An embedded KRaft broker in a JVM of its own, as in any deployment where Switchboard's roles and
 * Kafka do not share a heap: the bench's JVM then measures the application's garbage collection and
 * JIT alone, not the broker's. The child runs {@link #main}, prints its bootstrap servers, and stops
 * when its standard input closes (so it never outlives the bench).
 */
public final class ForkedBroker implements BenchBroker {

    private static final String READY = "bootstrap=";

    private final Process process;
    private final String bootstrapServers;

    private ForkedBroker(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the child JVM with this JVM's class path and waits until its broker is up. */
    public static ForkedBroker start(List<String> jvmOptions) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), ForkedBroker.class.getName()));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(READY)) {
                Thread drain = new Thread(() -> drain(out), "forked-broker-output");
                drain.setDaemon(true); // the child's logs would otherwise fill the pipe and stop it
                drain.start();
                return new ForkedBroker(process, line.substring(READY.length()));
            }
        }
        process.destroyForcibly();
        throw new IOException("the forked broker exited before it was ready (exit " + exitValue(process) + ")");
    }

    /** This JVM's class path; under {@code mvn exec:java} the project's is its class loader's, not the JVM's. */
    private static String classPath() {
        if (ForkedBroker.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new java.util.ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("cannot put " + url + " on the forked broker's class path", e);
                }
            }
            return String.join(java.io.File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discarded: the child logs at WARN and above only
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    private static String exitValue(Process process) {
        try {
            return Integer.toString(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Closes the child's standard input, which stops its broker, and waits for it to exit. */
    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The child: a temporary broker until standard input closes. */
    public static void main(String[] args) throws IOException {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        try (EmbeddedKafka kafka = EmbeddedKafka.temporary().start()) {
            System.out.println(READY + kafka.bootstrapServers());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the parent closes the pipe, or dies
            }
        }
    }
}
