package com.bookedbarber.ops.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives a call at a concurrency (closed loop) or at a fixed rate (open loop, latency measured
 * from each call's intended start, so a stall is charged to every call it delayed: coordinated
 * omission corrected), records HdrHistograms and what each process of the system spent meanwhile.
 */
final class LoadRunner {
    /** What one call ended as. */
    enum Outcome { OK, CONFLICT, ERROR }

    @FunctionalInterface
    interface Call {
        Outcome call() throws Exception;
    }

    /** One measured step. */
    record Step(String scenario, String load, double perSecond, Histogram latency, long conflicts, long errors,
                ProcessStats.Usage usage, Histogram generatorStalls) {
    }

    private static final int LEAD_IN_SECONDS = 2;

    private final Runnable beforeEachStep;
    private final boolean timeline;

    LoadRunner(Runnable beforeEachStep, boolean timeline) {
        this.beforeEachStep = beforeEachStep;
        this.timeline = timeline;
    }

    Step closed(String scenario, int clients, int seconds, Call call) throws Exception {
        beforeEachStep.run();
        Recorder recorder = new Recorder(3);
        AtomicLong done = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ProcessStats.Snapshot before = ProcessStats.take();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    count(safely(call), conflicts, errors);
                    recorder.recordValue(System.nanoTime() - start);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        ProcessStats.Usage usage = ProcessStats.between(before, ProcessStats.take());
        return progress(new Step(scenario, clients + " clients", done.get() / (double) seconds,
                recorder.getIntervalHistogram(), conflicts.get(), errors.get(), usage, null));
    }

    /**
     * A lead-in at the same rate comes first and is not recorded: the load generator opens its
     * connections and starts its threads there (its first second measured 40-60 ms at p99 in
     * every open-loop step, whatever the server did).
     */
    Step open(String scenario, double rate, int seconds, Call call) throws Exception {
        beforeEachStep.run();
        Recorder recorder = new Recorder(3);
        AtomicLong conflicts = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long intervalNanos = (long) (1e9 / rate);
        long leadIn = (long) (rate * LEAD_IN_SECONDS);
        long total = leadIn + (long) (rate * seconds);
        Histogram[] perSecond = new Histogram[seconds + 1];
        for (int i = 0; i < perSecond.length; i++) {
            perSecond[i] = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 2);
        }
        // only while an open-loop step runs: its 1 ms wake-ups would cost the closed steps CPU for nothing
        HiccupMeter stalls = new HiccupMeter();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(64, 64, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        pool.prestartAllCoreThreads();
        CompletableFuture<ProcessStats.Snapshot> before = null;
        // the machine's busy and stolen CPU at every second of the timeline
        List<ProcessStats.MachineTicks> machineBySecond = new CopyOnWriteArrayList<>();
        ScheduledExecutorService machineSampler = Executors.newSingleThreadScheduledExecutor();
        long begin = System.nanoTime();
        long measuredFrom = begin + leadIn * intervalNanos;
        List<Future<?>> calls = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long intended = begin + i * intervalNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (i == leadIn) {
                // off this thread: reading /proc for every process takes milliseconds, and a late
                // send is charged to the server (this was the first measured second's tail)
                before = CompletableFuture.supplyAsync(ProcessStats::take);
                stalls.interval();
                if (timeline) {
                    machineSampler.scheduleAtFixedRate(() -> machineBySecond.add(ProcessStats.MachineTicks.read()),
                            0, 1, TimeUnit.SECONDS);
                }
            }
            boolean measured = i >= leadIn;
            calls.add(pool.submit(() -> {
                Outcome outcome = safely(call);
                if (measured) {
                    count(outcome, conflicts, errors);
                    long latency = System.nanoTime() - intended;
                    recorder.recordValue(latency);
                    perSecond[(int) Math.min(seconds, (intended - measuredFrom) / 1_000_000_000L)].recordValue(latency);
                }
                return null;
            }));
        }
        for (Future<?> f : calls) {
            f.get();
        }
        pool.shutdown();
        machineSampler.shutdownNow();
        double elapsed = (System.nanoTime() - measuredFrom) / 1e9;
        Histogram generatorStalls = stalls.interval();
        stalls.close();
        ProcessStats.Usage usage = ProcessStats.between(before.get(), ProcessStats.take());
        if (timeline) {
            // wall-clock times, to line the seconds up with GC and PostgreSQL logs
            LocalTime firstSecond = LocalTime.now().minusNanos(System.nanoTime() - measuredFrom);
            for (int i = 0; i < seconds; i++) {
                String machine = "";
                if (i + 1 < machineBySecond.size()) {
                    ProcessStats.MachineMillis cpu = machineBySecond.get(i + 1).since(machineBySecond.get(i));
                    machine = String.format(", machine busy %4d ms, steal %3d ms", cpu.busy(), cpu.steal());
                }
                System.err.printf("  second %2d (%s): p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms%s%n", i,
                        firstSecond.plusSeconds(i).truncatedTo(ChronoUnit.SECONDS),
                        perSecond[i].getValueAtPercentile(50) / 1e6, perSecond[i].getValueAtPercentile(99) / 1e6,
                        perSecond[i].getMaxValue() / 1e6, machine);
            }
        }
        return progress(new Step(scenario, String.format("open loop %.0f/s", rate), (total - leadIn) / elapsed,
                recorder.getIntervalHistogram(), conflicts.get(), errors.get(), usage, generatorStalls));
    }

    private static void count(Outcome outcome, AtomicLong conflicts, AtomicLong errors) {
        if (outcome == Outcome.CONFLICT) {
            conflicts.incrementAndGet();
        } else if (outcome == Outcome.ERROR) {
            errors.incrementAndGet();
        }
    }

    private static Outcome safely(Call call) {
        try {
            return call.call();
        } catch (Exception e) {
            return Outcome.ERROR;
        }
    }

    /** Each step's row on stderr as it completes, so a long run shows where it is. */
    private static Step progress(Step step) {
        if (!step.scenario().startsWith("warm-up")) {
            System.err.print(Report.row(step));
            if (step.generatorStalls() != null) {
                System.err.println("  " + Report.stalls(step));
            }
        }
        return step;
    }
}
