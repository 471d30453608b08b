package com.bookedbarber.platform.health;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples resident memory (RSS, from /proc/self/status) and heap used every {@code every}, keeps
 * a bounded window ({@link MemoryWindow}), exports gauges {@code memory.rss-bytes} and
 * {@code memory.rss-growth-percent-per-hour}, and is unhealthy (with a log line) while the
 * growth over the window exceeds {@code maxGrowthPercentPerHour}: a leak shows before it kills.
 */
public final class MemoryMonitor extends HealthCheck implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryMonitor.class);
    private static final Path STATUS = Path.of("/proc/self/status");

    private final MemoryWindow window;
    private final Duration every;
    private final Duration minSpan;
    private final double maxGrowthPercentPerHour;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    private volatile boolean warned;

    public MemoryMonitor(MetricRegistry metrics, Duration every, int windowSize, double maxGrowthPercentPerHour,
                         Clock clock) {
        this.window = new MemoryWindow(windowSize);
        this.every = every;
        this.minSpan = every.multipliedBy(windowSize / 2);
        this.maxGrowthPercentPerHour = maxGrowthPercentPerHour;
        this.clock = clock;
        metrics.gauge("memory.rss-bytes", () -> () -> latestRss());
        metrics.gauge("memory.rss-growth-percent-per-hour", () -> () -> growth().orElse(0.0));
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "memory-monitor");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(this::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    void sample() {
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        synchronized (window) {
            window.add(new MemoryWindow.Sample(clock.instant(), rss(), heap));
        }
        Optional<Double> growth = growth();
        boolean growing = growth.isPresent() && growth.get() > maxGrowthPercentPerHour;
        if (growing && !warned) {
            LOG.warn("resident memory grows {}% per hour (limit {}%)", String.format("%.1f", growth.get()),
                    maxGrowthPercentPerHour);
        }
        warned = growing;
    }

    @Override
    protected Result check() {
        Optional<Double> growth = growth();
        String detail = "rss " + latestRss() / (1024 * 1024) + " MiB, growth "
                + growth.map(g -> String.format("%.1f%%/h", g)).orElse("not yet measurable");
        return growth.isPresent() && growth.get() > maxGrowthPercentPerHour
                ? Result.unhealthy(detail + " (limit " + maxGrowthPercentPerHour + "%/h)") : Result.healthy(detail);
    }

    private Optional<Double> growth() {
        synchronized (window) {
            return window.rssGrowthPercentPerHour(minSpan);
        }
    }

    private long latestRss() {
        synchronized (window) {
            return window.latest().map(MemoryWindow.Sample::rssBytes).orElse(0L);
        }
    }

    /** VmRSS in bytes; the heap's committed size where /proc is not there. */
    static long rss() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }
}
