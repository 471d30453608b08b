package com.bookedbarber.platform.metrics;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;

/**
 * The services' metric registry: every timer and histogram keeps its last {@value #WINDOW}
 * values in a fixed array ({@link LockFreeSlidingWindowReservoir}) instead of the exponentially
 * decaying reservoir. That one allocates a sample, a boxed priority and a skip-list node on every
 * update and keeps them until a later sample displaces them; at a few thousand requests a second,
 * each updating about ten timers (Jetty, Jersey with its filter timers, ours, Jdbi), those were
 * what each young collection copied and what slowly filled the old generation (heap histogram:
 * 125,000 skip-list nodes and 58,000 samples). Percentiles then describe the last
 * {@value #WINDOW} requests, which is what a dashboard polling every few seconds shows anyway.
 * Dropwizard's Jersey listener asks for the decaying reservoir explicitly, so the variants
 * taking a supplier get the sliding window too: in these services every timer and histogram
 * has it.
 */
public final class SlidingWindowMetricRegistry extends MetricRegistry {
    static final int WINDOW = 1028;

    @Override
    public Timer timer(String name) {
        return super.timer(name, SlidingWindowMetricRegistry::newTimer);
    }

    @Override
    public Timer timer(String name, MetricSupplier<Timer> ignored) {
        return super.timer(name, SlidingWindowMetricRegistry::newTimer);
    }

    @Override
    public Histogram histogram(String name) {
        return super.histogram(name, SlidingWindowMetricRegistry::newHistogram);
    }

    @Override
    public Histogram histogram(String name, MetricSupplier<Histogram> ignored) {
        return super.histogram(name, SlidingWindowMetricRegistry::newHistogram);
    }

    private static Timer newTimer() {
        return new Timer(new LockFreeSlidingWindowReservoir(WINDOW));
    }

    private static Histogram newHistogram() {
        return new Histogram(new LockFreeSlidingWindowReservoir(WINDOW));
    }
}
