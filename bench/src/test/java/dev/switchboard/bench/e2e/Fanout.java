/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.e2e;

import dev.switchboard.bench.cluster.CaptureServer;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One source of the benchmark's workspace and its webhook destinations on the capture server:
 * {@code wk_<n>} is connected to {@code d<n>_1} .. {@code d<n>_<n>}, so a step picks how many
 * destinations each event fans out to by the write key it sends with.
 */
record Fanout(int destinations) {

    static final List<Fanout> ALL = List.of(new Fanout(1), new Fanout(3), new Fanout(10));

    String writeKey() {
        return "wk_" + destinations;
    }

    List<String> destinationIds() {
        return IntStream.rangeClosed(1, destinations)
                .mapToObj(i -> "d" + destinations + "_" + i)
                .toList();
    }

    /** The workspace of every fanout in {@link #ALL}, its destinations on {@code capture}. */
    static String workspace(CaptureServer capture) {
        StringBuilder sources = new StringBuilder();
        StringBuilder destinations = new StringBuilder();
        StringBuilder connections = new StringBuilder();
        for (Fanout f : ALL) {
            String source = "s" + f.destinations();
            sources.append("  - { id: %s, writeKey: %s }\n".formatted(source, f.writeKey()));
            for (String d : f.destinationIds()) {
                destinations.append(
                        "  - { id: %s, type: webhook, settings: { url: \"%s\" } }\n".formatted(d, capture.url(d)));
                connections.append("  - { source: %s, destination: %s }\n".formatted(source, d));
            }
        }
        return "workspace: e2e\nsources:\n" + sources + "destinations:\n" + destinations + "connections:\n"
                + connections;
    }
}
