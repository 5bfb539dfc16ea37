/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.mappers.api.DestinationMapper;
import dev.switchboard.mappers.api.DestinationMapperProvider;
import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves every destination folder on the class path: each {@value #INDEX} (written at build time by the
 * destinations module) lists the folders and their files under {@value #ROOT}. There is no registration
 * line per destination: adding a folder is the whole change. A folder is read when its type is first asked
 * for; a malformed one fails that lookup with the file and the fix (the destinations module's build checks
 * every folder).
 */
public final class DeclarativeMapperProvider implements DestinationMapperProvider {

    /** Where destination folders live on the class path. */
    public static final String ROOT = "switchboard/destinations/";

    /** The generated index of folders and files. */
    public static final String INDEX = ROOT + "index.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ClassLoader loader;

    /** The provider ServiceLoader instantiates: reads the context class loader. */
    public DeclarativeMapperProvider() {
        this(
                Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader()
                        : DeclarativeMapperProvider.class.getClassLoader());
    }

    /** A provider reading from {@code loader}. */
    public DeclarativeMapperProvider(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public Collection<DestinationMapper> mappers() {
        return lazyMappers().values().stream().map(Supplier::get).toList();
    }

    /** Reads the indexes now; a folder is read and checked when its type is first asked for. */
    @Override
    public Map<String, Supplier<DestinationMapper>> lazyMappers() {
        Map<String, Supplier<DestinationMapper>> out = new LinkedHashMap<>();
        try {
            Enumeration<URL> indexes = loader.getResources(INDEX);
            while (indexes.hasMoreElements()) {
                for (JsonNode entry : MAPPER.readTree(indexes.nextElement()).path("destinations")) {
                    out.put(entry.path("slug").asText(), () -> load(entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        return out;
    }

    private DestinationMapper load(JsonNode entry) {
        String slug = entry.path("slug").asText();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (JsonNode f : entry.path("files")) {
            String path = ROOT + slug + "/" + f.asText();
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException(INDEX + " lists " + path + " but the class path lacks it");
                }
                files.put(f.asText(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        try {
            return DestinationLoader.load(slug, files);
        } catch (DestinationDefinitionException e) {
            throw new IllegalStateException("destination '" + slug + "' is malformed: " + e.getMessage(), e);
        }
    }
}
