/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import dev.switchboard.delivery.recovery.DeadLetterQueue;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How a long command shows how far it got: a progress bar with rate and ETA on a terminal, and a
 * plain line at most every 5 s otherwise (logs, CI). Stops when Ctrl-C was pressed.
 */
final class Progress implements DeadLetterQueue.Progress {

    private static final long LINE_EVERY_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final String what;
    private final BooleanSupplier stop;
    private final boolean terminal = System.console() != null;
    private final long startNanos = System.nanoTime();
    private ProgressBar bar;
    private long lastLineNanos = startNanos;

    Progress(PrintWriter err, String what, BooleanSupplier stop) {
        this.err = err;
        this.what = what;
        this.stop = stop;
    }

    @Override
    public void advanced(long done, long total) {
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder()
                        .setTaskName(what)
                        .setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII)
                        .showSpeed()
                        .build();
            }
            bar.stepTo(done);
            if (done >= total) {
                bar.close();
            }
            return;
        }
        long now = System.nanoTime();
        if (now - lastLineNanos >= LINE_EVERY_NANOS || done >= total) {
            lastLineNanos = now;
            double seconds = Math.max(0.001, (now - startNanos) / 1e9);
            double rate = done / seconds;
            long eta = rate <= 0 ? 0 : Math.round((total - done) / rate);
            err.printf("%s %d/%d (%.0f/s, ETA %d s)%n", what, done, total, rate, eta);
            err.flush();
        }
    }

    @Override
    public boolean stopRequested() {
        boolean s = stop.getAsBoolean();
        if (s && bar != null) {
            bar.close();
        }
        return s;
    }
}
