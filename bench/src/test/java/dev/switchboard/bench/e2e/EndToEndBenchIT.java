/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.bench.cluster.Cluster;
import dev.switchboard.embedded.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end benchmark: the broker and the three roles in OS processes of their own
 * ({@link Cluster}), a warm-up, the floors (the capture destination alone, raw Kafka produce to
 * consume), the ramp, the latency steps and the destination steps ({@link E2eRun}); writes
 * {@code report.md} and {@code e2e.png} to {@code -De2e.out}. Runs only under {@code -Pe2e}
 * (bench/README.md, bench/e2e.md); a benchmark, not a test: it asserts only that the run measured
 * something.
 */
class EndToEndBenchIT {

    private static final Duration FLOOR = Duration.ofSeconds(8);

    @Test
    void shouldMeasureIngestToDeliveryAgainstTheKafkaFloor() throws Exception {
        E2eSettings settings = E2eSettings.fromSystemProperties();
        Path dir = settings.out().resolve("run");
        EmbeddedKafka.deleteRecursively(dir);
        Files.createDirectories(dir);
        String started = Instant.now().toString();
        E2eRun run;
        Timeline timeline;
        try (Cluster cluster = new Cluster(
                dir,
                dir.resolve("kafka"),
                List.of("--set=switchboard.router.state-dir=" + dir.resolve("router-state")),
                List.of())) {
            List<String> restarted = List.of();
            try {
                cluster.start(Fanout.workspace(cluster.capture));
            } catch (IllegalStateException notReady) {
                System.out.println("e2e: a role was not ready, restarting it once: " + notReady.getMessage());
                restarted = cluster.restartUnready();
            }
            for (int i = 1; i < settings.routers(); i++) {
                cluster.addRole(
                        "router", List.of("--set=switchboard.router.state-dir=" + dir.resolve("router-state-" + i)));
            }
            for (int i = 1; i < settings.deliveries(); i++) {
                cluster.addRole("delivery", List.of());
            }
            timeline = new Timeline(System.currentTimeMillis());
            StepRunner steps = new StepRunner(cluster, timeline, settings.batch());
            Fanout three = new Fanout(3);
            steps.run("warm-up", three, settings.startRate(), settings.warmup());
            double captureFloor = CaptureFloor.measure(cluster.capture, FLOOR);
            double kafkaFloor = KafkaFloor.measure(cluster.broker.bootstrapServers(), FLOOR);
            System.out.printf("e2e floors: capture alone %.0f ev/s, raw Kafka %.0f ev/s%n", captureFloor, kafkaFloor);
            List<StepResult> ramp = ramp(steps, three, settings);
            StepResult best = E2eRun.sustained(ramp);
            int max = best == null ? settings.startRate() / 2 : best.rate();
            StepResult half = steps.run("50%", three, max / 2, settings.step());
            StepResult ninety = steps.run("90%", three, max * 9 / 10, settings.step());
            List<StepResult> fanouts = new ArrayList<>();
            for (Fanout f : Fanout.ALL) {
                if (f.destinations() != three.destinations()) {
                    fanouts.add(steps.run("50%", f, max / 2, settings.step()));
                }
            }
            run = new E2eRun(started, settings, restarted, captureFloor, kafkaFloor, ramp, half, ninety, fanouts);
        }
        String report = E2eReport.markdown(run);
        Files.writeString(settings.out().resolve("report.md"), report);
        E2ePlot.write(
                timeline.points(),
                "Switchboard end to end, " + started,
                settings.out().resolve("e2e.png"));
        System.out.println(report);
        assertThat(run.ramp()).as("ramp steps").isNotEmpty();
        assertThat(run.ramp().get(0).acked())
                .as("events acknowledged in the first step")
                .isPositive();
    }

    /**
     * Steps of rising rate until one falls behind twice in a row at the same rate (or {@code
     * max-steps}), then one step halfway
     * (geometrically) between the last that kept up and the one that did not.
     */
    private static List<StepResult> ramp(StepRunner steps, Fanout fanout, E2eSettings settings)
            throws InterruptedException {
        List<StepResult> ramp = new ArrayList<>();
        int rate = settings.startRate();
        boolean retried = false;
        for (int i = 0; i < settings.maxSteps(); i++) {
            StepResult r = steps.run("ramp " + (i + 1), fanout, rate, settings.step());
            ramp.add(r);
            if (!r.keptUp() && !retried) {
                retried = true; // the same rate once more: a neighbour's burst on a shared box is not our limit
                continue;
            }
            if (!r.keptUp()) {
                break;
            }
            retried = false;
            rate = (int) Math.round(rate * settings.factor());
        }
        StepResult last = ramp.get(ramp.size() - 1);
        StepResult best = E2eRun.sustained(ramp);
        if (!last.keptUp() && best != null) {
            int between = (int) Math.round(Math.sqrt((double) best.rate() * last.rate()));
            ramp.add(steps.run("between", fanout, between, settings.step()));
        }
        return ramp;
    }
}
