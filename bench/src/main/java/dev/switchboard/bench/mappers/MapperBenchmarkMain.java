/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.mappers;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link MapperBenchmark} briefly (1 fork, 2 warm-up and 3 measured iterations of 2 s, one thread)
 * and prints events per second per destination and the ratio to the Jackson baseline of the same run.
 */
public final class MapperBenchmarkMain {

    private MapperBenchmarkMain() {}

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(MapperBenchmark.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(2))
                .threads(1)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> score = new TreeMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            score.put(
                    name.substring(name.lastIndexOf('.') + 1),
                    r.getPrimaryResult().getScore());
        }
        double baseline = score.get("baseline");
        System.out.printf("%nevent: Order Completed with 2 products, %d bytes%n", MapperBenchmark.eventBytes());
        System.out.printf("%-20s %14s %10s%n", "benchmark", "events/s", "vs baseline");
        score.forEach((name, s) -> System.out.printf("%-20s %,14.0f %9.2fx%n", name, s, s / baseline));
    }
}
