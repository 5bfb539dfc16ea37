/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real kustomize: {@code $KUSTOMIZE} (a path to {@code kustomize} or {@code kubectl}), else
 * {@code kustomize} or {@code kubectl} on the PATH ({@code .ci/run} installs kubectl when missing).
 * Missing, the tests fail in CI ({@code CI=true}) and are skipped elsewhere, saying how to install it.
 */
final class Kustomize {

    /** deploy/, where the module's tests run. */
    static final Path DEPLOY = Path.of("").toAbsolutePath();

    private Kustomize() {}

    /** The rendered YAML of {@code deploy/<dir>} (e.g. {@code overlays/prod}). */
    static String build(String dir) {
        List<String> command = new ArrayList<>(command());
        command.add(DEPLOY.resolve(dir).toString());
        try {
            Path out = Files.createTempFile("kustomize-", ".yaml");
            Path err = Files.createTempFile("kustomize-", ".err");
            Process p = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kustomize did not finish in 120 s: " + command);
            }
            String yaml = Files.readString(out, StandardCharsets.UTF_8);
            String errors = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(out);
            Files.delete(err);
            if (p.exitValue() != 0) {
                throw new AssertionError("kustomize failed on " + dir + " (" + command + "):\n" + errors);
            }
            return yaml;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static List<String> command() {
        String given = System.getenv("KUSTOMIZE");
        if (given != null && !given.isBlank()) {
            return given.endsWith("kubectl") ? List.of(given, "kustomize") : List.of(given, "build");
        }
        Optional<Path> kustomize = onPath("kustomize");
        if (kustomize.isPresent()) {
            return List.of(kustomize.get().toString(), "build");
        }
        Optional<Path> kubectl = onPath("kubectl");
        if (kubectl.isPresent()) {
            return List.of(kubectl.get().toString(), "kustomize");
        }
        String how = "neither kustomize nor kubectl is on the PATH; .ci/install-kubectl installs kubectl";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(how);
        }
        Assumptions.abort(how);
        throw new IllegalStateException("unreachable");
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
