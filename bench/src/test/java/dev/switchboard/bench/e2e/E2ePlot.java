/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.e2e;

import dev.switchboard.bench.e2e.Timeline.Point;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The run's plot (XChart, PNG): above, the offered, acknowledged and delivered events per second;
 * below, on a log scale, the ingest-to-delivery p50/p95/p99 and the ack p99 of each second, in ms
 * (dots: a second without deliveries has none).
 */
final class E2ePlot {

    private E2ePlot() {}

    static void write(List<Point> points, String title, Path png) throws IOException {
        List<Point> everySecond = everySecond(points);
        XYChart rates = chart(title + ": events/s", "events/s");
        add(rates, "offered", everySecond, Point::offered, true);
        add(rates, "acknowledged", everySecond, Point::acked, true);
        add(rates, "delivered", everySecond, Point::delivered, true);

        XYChart latency = chart("latency per second (ms, log scale)", "ms");
        latency.getStyler().setYAxisLogarithmic(true);
        add(latency, "ingest to delivery p50", points, p -> p.p50(), false);
        add(latency, "ingest to delivery p95", points, p -> p.p95(), false);
        add(latency, "ingest to delivery p99", points, p -> p.p99(), false);
        add(latency, "ack p99", points, p -> p.ackP99(), false);

        Files.createDirectories(png.toAbsolutePath().getParent());
        BitmapEncoder.saveBitmap(List.of(rates, latency), 2, 1, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder()
                .width(1200)
                .height(420)
                .title(title)
                .xAxisTitle("seconds into the run")
                .yAxisTitle(yTitle)
                .build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(3);
        return chart;
    }

    /** Every second from the first to the last, one without events as zeros: a rate line drops to 0 there. */
    private static List<Point> everySecond(List<Point> points) {
        List<Point> all = new ArrayList<>();
        int i = 0;
        for (long second = points.isEmpty() ? 0 : points.get(0).second();
                !points.isEmpty() && second <= points.get(points.size() - 1).second();
                second++) {
            if (points.get(i).second() == second) {
                all.add(points.get(i++));
            } else {
                all.add(new Point(second, 0, 0, 0, 0, 0, 0, 0));
            }
        }
        return all;
    }

    /**
     * One series; a latency series ({@code line} false) as dots of the seconds that have a figure (a
     * log axis has no zero, and a second without deliveries has no latency).
     */
    private static void add(
            XYChart chart, String name, List<Point> points, ToDoubleFunction<Point> value, boolean line) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Point p : points) {
            double v = value.applyAsDouble(p);
            if (line || v > 0) {
                x.add((double) p.second());
                y.add(v);
            }
        }
        if (x.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.CIRCLE);
        if (!line) {
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
    }
}
