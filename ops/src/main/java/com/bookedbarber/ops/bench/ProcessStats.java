package com.bookedbarber.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of each process of the system under test (the API, the worker,
 * Kafka, PostgreSQL and this load generator), read from /proc, so every step can say what it cost
 * each of them on the shared cores.
 */
final class ProcessStats {
    /** Clock ticks per second of /proc/[pid]/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;
    private static final String POSTGRES_PORT = System.getProperty("postgresPort", "15432");
    static final List<String> ROLES = List.of("api", "postgres", "kafka", "worker", "load generator");
    private static final Map<String, Predicate<ProcessHandle>> MATCHERS = new LinkedHashMap<>();

    static {
        MATCHERS.put("api", p -> commandLine(p).contains("CommandServiceApplication"));
        MATCHERS.put("kafka", p -> commandLine(p).contains(" kafka.Kafka "));
        MATCHERS.put("worker", p -> commandLine(p).contains("ProjectionWorkerApplication"));
        MATCHERS.put("load generator", p -> p.pid() == ProcessHandle.current().pid());
    }

    /**
     * Per role: CPU ticks summed over its processes, and resident kB summed likewise; and the
     * machine's busy and stolen ticks over all cores (/proc/stat).
     */
    record Snapshot(long nanoTime, Map<String, Long> ticks, Map<String, Long> rssKb, MachineTicks machine) {
    }

    /**
     * Per role: CPU milliseconds per second of wall time (1000 = one core busy), then "other" (the
     * machine's other processes and the kernel's own threads) and "steal" (time the hypervisor
     * gave the virtual cores to someone else while they had work); and RSS in MB at the end.
     */
    record Usage(Map<String, Double> cpuMsPerSecond, Map<String, Double> rssMb) {
    }

    /** The "cpu" line of /proc/stat: busy = user + nice + system + irq + softirq; steal. */
    record MachineTicks(long busy, long steal) {
        static MachineTicks read() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                return new MachineTicks(Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])
                        + Long.parseLong(f[6]) + Long.parseLong(f[7]), Long.parseLong(f[8]));
            } catch (IOException | RuntimeException unreadable) {
                return new MachineTicks(0, 0);
            }
        }

        /** Busy and stolen CPU from {@code earlier} to this reading. */
        MachineMillis since(MachineTicks earlier) {
            return new MachineMillis((long) ((busy - earlier.busy) * 1000 / TICKS_PER_SECOND),
                    (long) ((steal - earlier.steal) * 1000 / TICKS_PER_SECOND));
        }
    }

    /** The machine's busy and stolen CPU milliseconds over an interval (over all cores). */
    record MachineMillis(long busy, long steal) {
    }

    private ProcessStats() {
    }

    static Snapshot take() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Long> rss = new LinkedHashMap<>();
        ROLES.forEach(r -> {
            ticks.put(r, 0L);
            rss.put(r, 0L);
        });
        ProcessHandle.allProcesses().forEach(p -> MATCHERS.forEach((role, matches) -> {
            if (matches.test(p)) {
                ticks.merge(role, cpuTicks(p.pid()), Long::sum);
                rss.merge(role, rssKb(p.pid()), Long::sum);
            }
        }));
        // the system's own PostgreSQL (not the machine's): its postmaster, found by port, and its backends
        ProcessHandle.allProcesses().filter(ProcessStats::isOurPostmaster).findFirst().ifPresent(postmaster ->
                Stream.concat(Stream.of(postmaster), postmaster.descendants()).forEach(p -> {
                    ticks.merge("postgres", cpuTicks(p.pid()), Long::sum);
                    rss.merge("postgres", rssKb(p.pid()), Long::sum);
                }));
        return new Snapshot(System.nanoTime(), ticks, rss, MachineTicks.read());
    }

    static Usage between(Snapshot before, Snapshot after) {
        double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Double> rss = new LinkedHashMap<>();
        long ours = 0;
        for (String role : ROLES) {
            long ticks = after.ticks().get(role) - before.ticks().get(role);
            ours += ticks;
            cpu.put(role, ticks / TICKS_PER_SECOND * 1000 / seconds);
            rss.put(role, after.rssKb().get(role) / 1024.0);
        }
        MachineMillis machine = after.machine().since(before.machine());
        cpu.put("other", Math.max(0, machine.busy() - ours * 1000 / TICKS_PER_SECOND) / seconds);
        cpu.put("steal", machine.steal() / seconds);
        return new Usage(cpu, rss);
    }

    /**
     * CPU milliseconds the JIT compiler threads of a role's process have used so far ("C1
     * CompilerThre" and "C2 CompilerThre" in /proc/[pid]/task): a server is warm when they go quiet.
     */
    static long compilerCpuMillis(String role) {
        return ProcessHandle.allProcesses().filter(MATCHERS.get(role)).findFirst()
                .map(p -> compilerTicks(p.pid()) * 1000 / (long) TICKS_PER_SECOND).orElse(-1L);
    }

    private static long compilerTicks(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return threads.filter(t -> readOrEmpty(t.resolve("comm")).contains("CompilerThre"))
                    .mapToLong(t -> ownTicks(readOrEmpty(t.resolve("stat")))).sum();
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException gone) {
            return "";
        }
    }

    /** User plus system ticks of a /proc stat line, after the command name (which may hold spaces). */
    private static long ownTicks(String stat) {
        if (stat.isEmpty()) {
            return 0;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static boolean isOurPostmaster(ProcessHandle p) {
        String[] args = commandLine(p).split(" ");
        return args[0].endsWith("/postgres") && commandLine(p).contains(" -p " + POSTGRES_PORT + " ");
    }

    /** From /proc: ProcessHandle's view of a command line gives up on long ones (class paths). */
    private static String commandLine(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // own user and system time plus that of exited children (PostgreSQL's backends come and go)
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return ownTicks(stat) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended between listing and reading
        }
        return 0;
    }
}
