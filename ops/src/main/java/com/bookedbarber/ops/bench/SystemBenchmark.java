package com.bookedbarber.ops.bench;

import com.bookedbarber.ops.bench.LoadRunner.Outcome;
import com.bookedbarber.ops.bench.LoadRunner.Step;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The system benchmark (ops/bench): every scenario against the running system from this separate
 * JVM, each next to its baseline measured in the same run: booking create against the same
 * transaction over raw JDBC, reads against {@code /health} on the same server. Writes the table
 * as Markdown and JSON.
 */
public final class SystemBenchmark {
    private final int seconds = Integer.getInteger("seconds", 10);
    private final String workerAdmin = System.getProperty("workerAdmin", "http://127.0.0.1:8091");
    private final String database = System.getProperty("db", "jdbc:postgresql://localhost:15432/postgres?user=postgres");
    private final BenchData data = new BenchData(database);
    private final BenchApi api = new BenchApi(System.getProperty("api", "http://127.0.0.1:8080"));
    private final Report report = new Report();
    private final LoadRunner load = new LoadRunner(this::settle, Boolean.getBoolean("timeline"));
    /** Which scenarios run (SCENARIOS in ops/bench); the mixed profile needs booking, reads and analytics. */
    private final Set<String> scenarios = Set.of(System.getProperty("scenarios",
            "booking,reads,analytics,payments,mixed,lag").split(","));
    /** The compiler threads using less CPU than this together in a ten-second round: 2% of one core. */
    static final long SETTLED_COMPILER_MS = 200;
    /** The JVMs a booking passes through, whose JIT compilers the warm-up waits for. */
    private static final List<String> COMPILING_ROLES = List.of("api", "kafka", "worker");
    /** WAL segments (16 MB each) made ready before measuring; under the launcher's max_wal_size of 4 GB. */
    static final int WAL_SEGMENTS_AHEAD = 192;
    /** Where the measured steps begin: each role's compiler CPU then, and the time. */
    private Map<String, Long> compilerCpuAfterWarmUp;
    private long measuredFrom;

    public static void main(String[] args) throws Exception {
        new SystemBenchmark().run();
        // the HTTP client's executor and the per-thread connections would keep the JVM alive
        System.exit(0);
    }

    private void run() throws Exception {
        BenchData.Shop shop = data.seed("bench-http");
        BenchData.Shop jdbcShop = data.seed("bench-jdbc");
        BenchData.Shop payShop = data.seed("bench-payments");
        BenchSession client = api.register("Bench Client");
        BenchSession owner = api.register("Bench Owner");
        data.makeOwner(shop, owner.userId());
        data.makeOwner(payShop, owner.userId());
        MixedProfile calls = new MixedProfile(api, shop, client, owner);
        warmUp(calls, jdbcShop);

        Step bestHttp = wanted("booking") ? booking(calls, jdbcShop) : null;
        Step availability = null;
        Step list = null;
        if (wanted("reads")) {
            availability = report.add(load.closed("availability, HTTP", 8, seconds, calls::availability));
            list = report.add(load.closed("appointment list (a day, 50 per page), HTTP", 8, seconds, calls::list));
        }
        Step[] analytics = wanted("analytics") ? analytics(calls) : null;
        if (wanted("payments")) {
            cashPayments(payShop, client, owner);
        }
        if (wanted("mixed") && bestHttp != null && availability != null && analytics != null) {
            // the mix's own capacity from the steps above (each share costs 1/rate of a second), then half of it
            double mixCapacity = 1 / (0.30 / bestHttp.perSecond() + 0.25 / availability.perSecond()
                    + 0.15 / list.perSecond() + 0.15 / analytics[0].perSecond() + 0.15 / analytics[1].perSecond());
            report.note(String.format("mixed profile: capacity from the steps above %.0f/s, run at half of it", mixCapacity));
            report.add(load.open(MixedProfile.NAME, mixCapacity / 2, seconds, calls::next));
        }
        if (wanted("lag")) {
            projectionLag(client, Double.parseDouble(System.getProperty("lagRate", "500")));
        }

        double measuredSeconds = (System.nanoTime() - measuredFrom) / 1e9;
        report.note("JIT compiler threads during the measured steps, CPU per second: " + compilerCpu().entrySet().stream()
                .map(e -> String.format("%s %.0f ms", e.getKey(),
                        (e.getValue() - compilerCpuAfterWarmUp.get(e.getKey())) / measuredSeconds))
                .collect(Collectors.joining(", ")));
        Path out = Path.of(System.getProperty("out", "ops/bench-results"));
        report.write(out.resolve("latest.md"), out.resolve("latest.json"));
        System.out.print(report.markdown());
    }

    /** The levels of concurrent clients of the booking steps (LEVELS in ops/bench). */
    private static List<Integer> levels() {
        return Arrays.stream(System.getProperty("levels", "8,32,64").split(","))
                .map(level -> Integer.parseInt(level.trim())).toList();
    }

    /** The open-loop loads of the tail steps: the goals' half of the best rate, then a quarter. */
    private enum Share {
        HALF(0.5, "half"),
        QUARTER(0.25, "a quarter of");

        final double fraction;
        final String label;

        Share(double fraction, String label) {
            this.fraction = fraction;
            this.label = label;
        }
    }

    private boolean wanted(String scenario) {
        return scenarios.contains(scenario);
    }

    /**
     * Booking create at each level next to both raw-JDBC baselines, then open loop at half and a
     * quarter of the best rate.
     */
    private Step booking(MixedProfile calls, BenchData.Shop jdbcShop) throws Exception {
        Step bestJdbc = null;
        Step bestSame = null;
        Step bestHttp = null;
        for (int clients : levels()) {
            Step jdbc = report.add(load.closed("booking create, raw JDBC (baseline)", clients, seconds,
                    () -> data.bookOverJdbc(jdbcShop)));
            Step same = report.add(load.closed("booking create, raw JDBC, the service's statement (baseline)", clients,
                    seconds, () -> data.bookWithServiceStatement(jdbcShop)));
            Step http = report.add(load.closed("booking create, HTTP", clients, seconds, calls::book));
            report.note(String.format("booking at %d clients: HTTP %.0f%% of the raw JDBC rate, %.0f%% of the service's "
                    + "statement over raw JDBC", clients, 100 * http.perSecond() / jdbc.perSecond(),
                    100 * http.perSecond() / same.perSecond()));
            bestJdbc = bestJdbc == null || jdbc.perSecond() > bestJdbc.perSecond() ? jdbc : bestJdbc;
            bestSame = bestSame == null || same.perSecond() > bestSame.perSecond() ? same : bestSame;
            bestHttp = bestHttp == null || http.perSecond() > bestHttp.perSecond() ? http : bestHttp;
        }
        report.note(String.format("booking, best against best: HTTP %.0f/s is %.0f%% of raw JDBC %.0f/s and %.0f%% of "
                        + "the service's statement over raw JDBC %.0f/s", bestHttp.perSecond(),
                100 * bestHttp.perSecond() / bestJdbc.perSecond(), bestJdbc.perSecond(),
                100 * bestHttp.perSecond() / bestSame.perSecond(), bestSame.perSecond()));
        // the goal's load, then half of it: where the tail stands on the latency-throughput curve
        for (Share share : Share.values()) {
            double rate = bestHttp.perSecond() * share.fraction;
            openWatchingDatabase("booking create, HTTP, " + share.label + " the best rate",
                    "booking at " + share.label + " the best rate", share == Share.HALF ? " (goal under 25 ms)" : "",
                    rate, calls::book);
            // the same open-loop rate without HTTP and the service: how much of the tail a durable
            // booking has on this machine's database and disk whatever sends it
            openWatchingDatabase("booking create, raw JDBC (baseline), the same rate",
                    "raw JDBC at " + share.label + " the best rate", "", rate, () -> data.bookOverJdbc(jdbcShop));
        }
        return bestHttp;
    }

    /**
     * An open-loop step with its p99, what PostgreSQL's client backends waited on meanwhile and
     * what it wrote to the WAL (full-page images tell a step that overlapped a checkpoint's start).
     * The system settles first, so the samples cover the step (and its lead-in at the same rate),
     * not the idle wait for the outbox and the worker to catch up.
     */
    private void openWatchingDatabase(String scenario, String label, String goal, double rate, LoadRunner.Call call)
            throws Exception {
        settle();
        WalActivity wal = WalActivity.since(database);
        try (DatabaseWaits waits = new DatabaseWaits(database)) {
            Step step = report.add(load.open(scenario, rate, seconds, call));
            report.note(String.format("%s: p99 %.1f ms%s; %s", label, Report.ms(step.latency(), 99), goal,
                    Report.stalls(step)));
            report.note(label + ": " + waits.summary());
        }
        report.note(label + ": " + wal.summary());
    }

    /**
     * The three reports against /health on the same server, then daily revenue at half and a
     * quarter of its rate.
     */
    private Step[] analytics(MixedProfile calls) throws Exception {
        Step health = report.add(load.closed("/health, HTTP (baseline)", 8, seconds, api::health));
        Map<String, Integer> reports = Map.of("daily-revenue", 89, "hourly-bookings", 6, "summary", 29);
        Step revenue = null;
        Step hourly = null;
        for (String name : List.of("daily-revenue", "hourly-bookings", "summary")) {
            Step read = report.add(load.closed("analytics " + name + " (" + (reports.get(name) + 1) + " days), HTTP", 8,
                    seconds, () -> calls.analytics(name, reports.get(name))));
            report.note(String.format("analytics %s: %.0f%% of /health throughput", name,
                    100 * read.perSecond() / health.perSecond()));
            revenue = revenue == null ? read : revenue;
            hourly = name.equals("hourly-bookings") ? read : hourly;
        }
        for (Share share : Share.values()) {
            double rate = revenue.perSecond() * share.fraction;
            Step steady = report.add(load.open("analytics daily-revenue, HTTP, " + share.label + " its rate", rate,
                    seconds, () -> calls.analytics("daily-revenue", 89)));
            report.note(String.format("analytics at %s its rate: p99 %.1f ms%s; %s", share.label,
                    Report.ms(steady.latency(), 99), share == Share.HALF ? " (goal under 5 ms)" : "",
                    Report.stalls(steady)));
            // the same open-loop rate of the cheapest answer this server gives: how much of the tail
            // any request has on this machine at that rate, whatever it asks
            Step floor = report.add(load.open("/health, HTTP (baseline), the same rate", rate, seconds, api::health));
            report.note(String.format("/health at %s the analytics rate: p99 %.1f ms; %s", share.label,
                    Report.ms(floor.latency(), 99), Report.stalls(floor)));
        }
        return new Step[] {revenue, hourly};
    }

    /**
     * Every kind of call for its share of WARMUP_SECONDS, each then on in ten-second rounds until the
     * JIT compiler threads of the API, the Kafka broker and the worker are done with it (under
     * {@link #SETTLED_COMPILER_MS} of their CPU together in a round), for at most three times its
     * share. A fixed warm-up measured a different server on a slower machine: 90 seconds left the
     * compilers at a fifth of the API's CPU and HTTP booking at 32% of raw JDBC; after 300 seconds
     * it was 74% in the same session. Booking warms up at every measured level of clients in turn:
     * warmed at 8 only, the compiled HTTP connection code was thrown away and compiled again (JIT
     * log: Jetty's HttpConnection.onFillable made not entrant four times, compiled again three times
     * during the measured 32- and 64-client steps). Booking warms up last, just before its steps:
     * warmed first, the reads' warm-up after it made some 130 methods of the shared request path not
     * entrant at once (Jetty's parser, Jersey's routing, HK2), compiled as booking alone had used
     * them, and C2 compiled them again during the measured booking steps (13% of the API's CPU
     * samples in the 8-client step, JIT log and async-profiler). Then booking at half the warm-up's
     * best rate, open loop like the half-rate step: at full load the broker always has data for the
     * worker's fetch, at half rate the fetch waits in the broker's purgatory, and the broker's C2
     * compiled that path (0.38 s on DelayedOperationPurgatory.tryCompleteElseWatch) inside the
     * measured half-rate step, the burst in which its p99 missed the goal.
     */
    private void warmUp(MixedProfile calls, BenchData.Shop jdbcShop) throws Exception {
        int warmup = Integer.getInteger("warmupSeconds", 180);
        untilCompiled("availability and list", List.of(8), warmup * 15 / 100, () -> calls.availability() == Outcome.OK
                ? calls.list() : Outcome.ERROR);
        untilCompiled("analytics and /health", List.of(8), warmup * 15 / 100,
                () -> calls.analytics("summary", 29) == Outcome.OK ? calls.analytics("daily-revenue", 89) : api.health());
        // Steady-state WAL (3 GB ahead, more than a full run writes; see BenchData). The bookings
        // right after its checkpoint write each index page's first change whole into the WAL (the
        // burst after every checkpoint): in the warm-up below, not in the first measured step.
        data.recycleWalAhead(WAL_SEGMENTS_AHEAD);
        // the JDBC baselines compile in this JVM, not the API's
        load.closed("warm-up", 8, Math.max(1, warmup / 20), () -> data.bookOverJdbc(jdbcShop));
        load.closed("warm-up", 8, Math.max(1, warmup / 20), () -> data.bookWithServiceStatement(jdbcShop));
        Step fastest = untilCompiled("booking", levels(), warmup * 6 / 10, calls::book);
        double halfRate = fastest.perSecond() / 2;
        untilSettled(String.format("booking at %.0f/s, open loop", halfRate), 0, warmup / 3,
                round -> load.open("warm-up", halfRate, 10, calls::book));
        compilerCpuAfterWarmUp = compilerCpu();
        measuredFrom = System.nanoTime();
    }

    /** The first {@code seconds} split among the levels of clients, then rounds, each at the next level. */
    private Step untilCompiled(String calls, List<Integer> levels, int seconds, LoadRunner.Call call) throws Exception {
        for (int clients : levels) {
            load.closed("warm-up", clients, Math.max(1, seconds / levels.size()), call);
        }
        return untilSettled(calls, seconds, 2 * seconds,
                round -> load.closed("warm-up", levels.get(round % levels.size()), 10, call));
    }

    /** One round of a warm-up: ten seconds of load. */
    @FunctionalInterface
    private interface Round {
        Step run(int index) throws Exception;
    }

    /**
     * Ten-second rounds until the compilers of every JVM on the request's path have settled, or
     * {@code limit} seconds of rounds; notes each role's compiler CPU in the last round and returns
     * the fastest round.
     */
    private Step untilSettled(String calls, int secondsBefore, int limit, Round round) throws Exception {
        Step fastest = null;
        Map<String, Long> compiled = new LinkedHashMap<>();
        int rounds = 0;
        do {
            Map<String, Long> before = compilerCpu();
            Step step = round.run(rounds++);
            fastest = fastest == null || step.perSecond() > fastest.perSecond() ? step : fastest;
            compilerCpu().forEach((role, millis) -> compiled.put(role, millis - before.get(role)));
        } while (total(compiled) >= SETTLED_COMPILER_MS && rounds * 10 < limit);
        report.note(String.format("warm-up, %s: %d s; JIT compiler threads' CPU in its last 10 s: %s%s", calls,
                secondsBefore + rounds * 10, compiled.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", ")),
                total(compiled) >= SETTLED_COMPILER_MS ? " (not settled: stopped at the limit)" : ""));
        return fastest;
    }

    /** Compiler CPU so far of each JVM a request passes through (a role not running counts 0). */
    private static Map<String, Long> compilerCpu() {
        Map<String, Long> millis = new LinkedHashMap<>();
        COMPILING_ROLES.forEach(role -> millis.put(role, Math.max(0, ProcessStats.compilerCpuMillis(role))));
        return millis;
    }

    private static long total(Map<String, Long> millis) {
        return millis.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Cash payments by the owner, each for its own appointment booked beforehand. */
    private void cashPayments(BenchData.Shop shop, BenchSession client, BenchSession owner) throws Exception {
        Queue<UUID> unpaid = new ConcurrentLinkedQueue<>();
        load.closed("warm-up (booking appointments to pay)", 16, Math.max(3, seconds / 2), () -> {
            BenchData.Slot slot = BenchData.nextSlot(shop);
            String id = api.book(shop, client.token(), slot.barber(), slot.start());
            if (id != null) {
                unpaid.add(UUID.fromString(id));
            }
            return Outcome.OK;
        });
        report.add(load.closed("cash payment, HTTP", 8, Math.max(1, seconds / 2), () -> {
            UUID appointment = unpaid.poll();
            return appointment == null ? Outcome.ERROR : api.cashPayment(owner.token(), appointment);
        }));
    }

    /**
     * Bookings at a fixed rate; afterwards, for every event of the step, the lag from the booking's
     * commit to the worker's transaction that applied it, both read from PostgreSQL's clock
     * (outbox.created_at and projection_applied_events.applied_at), so nothing polls during the run.
     */
    private void projectionLag(BenchSession client, double rate) throws Exception {
        BenchData.Shop shop = data.seed("bench-lag");
        report.add(load.open("booking create, HTTP, projection lag measured", rate, seconds,
                new MixedProfile(api, shop, client, null)::book));
        settle();
        BenchData.ProjectionLags lags = data.projectionLags(shop);
        Histogram lag = lags.whole();
        if (lag.getTotalCount() == 0) {
            report.note("projection lag: no event to measure, no booking of the step succeeded (its errors column)");
            return;
        }
        report.note(String.format("projection lag at %.0f bookings/s (commit to the applying transaction, %d events): "
                + "p50 %.0f ms, p99 %.0f ms, max %.0f ms (goal: p99 under 250 ms)", rate, lag.getTotalCount(),
                Report.ms(lag, 50), Report.ms(lag, 99), lag.getMaxValue() / 1e6));
        report.note(String.format("projection lag, its parts: to the relay's marking it published p50 %.0f ms, p99 %.0f "
                        + "ms, max %.0f ms; from there to the worker's applying transaction p50 %.0f ms, p99 %.0f ms, "
                        + "max %.0f ms", Report.ms(lags.relay(), 50), Report.ms(lags.relay(), 99),
                lags.relay().getMaxValue() / 1e6, Report.ms(lags.downstream(), 50), Report.ms(lags.downstream(), 99),
                lags.downstream().getMaxValue() / 1e6));
    }

    /**
     * Waits until the relay has published every outbox row and the worker has applied every
     * event, so a step does not pay for the previous step's downstream work; then vacuums. This
     * run's tables are small (a few hundred thousand rows), so autovacuum's thresholds (a fifth of
     * a table) came round every minute under booking load and vacuumed the four largest tables for
     * about five seconds (PostgreSQL's log with log_autovacuum_min_duration=0): a half-rate step
     * that began as one ended had a p99 of 40-54 ms for its first three seconds and 11-20 ms
     * after. Vacuumed here, no table reaches the threshold within a step. A production table of
     * millions of rows reaches it every few hundred thousand bookings, not every minute.
     */
    private void settle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try {
            while (System.nanoTime() < deadline) {
                if (data.unpublishedEvents() == 0 && api.workerLag(workerAdmin) == 0) {
                    data.vacuum();
                    return;
                }
                Thread.sleep(200);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not check the outbox and the worker", e);
        }
        System.err.println("warning: the outbox or the projection did not catch up within 120 s");
    }
}
