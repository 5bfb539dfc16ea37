/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.mappers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.DestinationMapper;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.mappers.api.PayloadInvalidException;
import java.io.IOException;

/**
 * A cross-check of {@link MapperBenchmark} for shared machines: the four workloads run interleaved in
 * short slices (40 rounds of 20,000 events each, about 30 s) and each keeps its fastest slice, the usual
 * estimator when other processes steal the cores. Prints µs per event, events/s and the ratio to the
 * Jackson baseline.
 */
public final class MapperInterleavedCheck {

    private static final int ROUNDS = 40;
    private static final int EVENTS_PER_SLICE = 20_000;

    private MapperInterleavedCheck() {}

    public static void main(String[] args) throws IOException, PayloadInvalidException {
        ObjectMapper json = new ObjectMapper();
        byte[] event = json.writeValueAsBytes(json.readTree(MapperBenchmark.ORDER_COMPLETED));
        String[] names = {"baseline", "webhook", "mixpanel", "google-analytics-4"};
        String[] settings = {
            null,
            "{\"url\":\"http://127.0.0.1:9000/hook\",\"sharedSecret\":\"s3cr3t\"}",
            "{\"projectToken\":\"tok\",\"apiSecret\":\"sec\"}",
            "{\"measurementId\":\"G-ABC123\",\"apiSecret\":\"sec\"}"
        };
        MapperRegistry registry = MapperRegistry.load();
        DestinationMapper[] mappers = new DestinationMapper[names.length];
        MapperContext[] contexts = new MapperContext[names.length];
        for (int k = 1; k < names.length; k++) {
            mappers[k] = registry.find(names[k]).orElseThrow();
            ObjectNode values = (ObjectNode) json.readTree(settings[k]);
            contexts[k] = new MapperContext("bench", mappers[k].settingsSchema().withDefaults(values));
        }
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < names.length; k++) {
                long start = System.nanoTime();
                for (int i = 0; i < EVENTS_PER_SLICE; i++) {
                    ObjectNode parsed = (ObjectNode) json.readTree(event);
                    sink += k == 0
                            ? json.writeValueAsBytes(parsed).length
                            : mappers[k].map(parsed, contexts[k]).size();
                }
                best[k] = Math.min(best[k], (System.nanoTime() - start) / (double) EVENTS_PER_SLICE);
            }
        }
        System.out.printf("%-20s %10s %12s %10s%n", "benchmark", "µs/event", "events/s", "vs baseline");
        for (int k = 0; k < names.length; k++) {
            System.out.printf(
                    "%-20s %10.2f %,12.0f %9.2fx%n", names[k], best[k] / 1000, 1e9 / best[k], best[0] / best[k]);
        }
        System.out.println(sink == 0 ? "(no output)" : "");
    }
}
