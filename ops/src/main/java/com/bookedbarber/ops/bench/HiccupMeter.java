package com.bookedbarber.ops.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load generator's own stalls (the idea of jHiccup, which is not served here): a thread that
 * asks to sleep 1 ms and records by how much it overslept. In an open-loop step a stall of this
 * JVM (its GC, a descheduled thread) delays sends and is charged to the server like the server's
 * own stalls, so the report shows it next to the latency it may explain.
 */
final class HiccupMeter implements AutoCloseable {
    private static final long TICK = TimeUnit.MILLISECONDS.toNanos(1);

    private final Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(60), 2);
    private final Thread thread = new Thread(this::run, "hiccup-meter");
    private volatile boolean running = true;

    HiccupMeter() {
        thread.setDaemon(true);
        thread.start();
    }

    /** The stalls recorded since the previous call. */
    Histogram interval() {
        return recorder.getIntervalHistogram();
    }

    private void run() {
        while (running) {
            long before = System.nanoTime();
            LockSupport.parkNanos(TICK);
            recorder.recordValue(Math.max(0, System.nanoTime() - before - TICK));
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
