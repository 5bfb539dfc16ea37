/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker's data directory on a file system of its own, {@value #SIZE} of tmpfs, so that a
 * scenario can fill it: mounting needs root (or CAP_SYS_ADMIN); without it the directory is a plain
 * folder and {@link #mounted()} says why it is not.
 */
final class SmallDisk implements AutoCloseable {

    static final String SIZE = "1g";

    private final Path mountPoint;
    private final String problem;

    private SmallDisk(Path mountPoint, String problem) {
        this.mountPoint = mountPoint;
        this.problem = problem;
    }

    /** Mounts a tmpfs at {@code mountPoint} if the machine allows, else leaves a plain directory. */
    static SmallDisk at(Path mountPoint) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        String problem = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + SIZE, "tmpfs", mountPoint.toString()));
        return new SmallDisk(mountPoint, problem);
    }

    /** Unmounts what an earlier run left at {@code mountPoint}, if anything. */
    static void unmountLeftover(Path mountPoint) throws InterruptedException {
        if (Files.isDirectory(mountPoint)) {
            run(List.of("umount", mountPoint.toString()));
        }
    }

    Path path() {
        return mountPoint;
    }

    /** Empty when the tmpfs is mounted, else why not. */
    String problem() {
        return problem;
    }

    boolean mounted() {
        return problem.isEmpty();
    }

    /** Writes a filler file until the file system is full; returns how many bytes it took. */
    long fill() throws IOException {
        Path filler = mountPoint.resolve("filler");
        byte[] chunk = new byte[1 << 20];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException full) {
            return written; // ENOSPC: full
        }
    }

    void free() throws IOException {
        Files.deleteIfExists(mountPoint.resolve("filler"));
    }

    /** Runs a command; empty when it exited 0, else its exit code and output. */
    private static String run(List<String> command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " did not finish";
            }
            return p.exitValue() == 0 ? "" : String.join(" ", command) + " exited " + p.exitValue() + ": " + out.trim();
        } catch (IOException e) {
            return String.join(" ", command) + " could not run: " + e.getMessage();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (mounted()) {
            run(List.of("umount", mountPoint.toString()));
        }
    }
}
