/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.testkit;

import dev.switchboard.mappers.engine.DeclarativeMapper;
import dev.switchboard.mappers.engine.DestinationLoader;
import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One destination folder on disk.
 *
 * @param slug the folder name
 * @param dir the folder
 */
public record DestinationFolder(String slug, Path dir) {

    /** The system property naming the directory that holds the destination folders. */
    public static final String ROOT_PROPERTY = "destinations.dir";

    /** The folder holding destination folders: {@code -Ddestinations.dir}, else the working directory. */
    public static Path root() {
        return Path.of(System.getProperty(ROOT_PROPERTY, System.getProperty("user.dir")));
    }

    /** Every destination folder under {@code root}: has a destination.yaml, name not starting with '_'. */
    public static List<DestinationFolder> list(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("_"))
                    .filter(d -> Files.exists(d.resolve(DestinationLoader.DESTINATION_FILE)))
                    .sorted()
                    .map(d -> new DestinationFolder(d.getFileName().toString(), d))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list destinations in " + root, e);
        }
    }

    /** The folder's top-level files by name. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return out;
    }

    /** Loads the folder with the engine. */
    public DeclarativeMapper load() throws DestinationDefinitionException {
        return DestinationLoader.load(slug, files());
    }

    /** The fixtures, by case name. */
    public List<Fixture> fixtures() {
        Path fixtures = dir.resolve("fixtures");
        List<Fixture> out = new ArrayList<>();
        if (!Files.isDirectory(fixtures)) {
            return out;
        }
        try (Stream<Path> files = Files.list(fixtures)) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(Fixture.INPUT))
                    .sorted()
                    .forEach(n -> {
                        String name = n.substring(0, n.length() - Fixture.INPUT.length());
                        out.add(new Fixture(
                                slug, name, fixtures.resolve(n), fixtures.resolve(name + Fixture.EXPECTED)));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fixtures, e);
        }
        return out;
    }
}
