package com.bookedbarber.ops.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory soak (ops/bench soak): the mixed profile at a fixed rate for ten minutes after a
 * warm-up, in half-minute slices, with each process's resident memory read after every slice.
 * The goal: the command service's RSS grows by no more than 5% from the first slice to the last.
 */
public final class SoakBenchmark {
    private static final double GROWTH_GOAL_PERCENT = 5;

    public static void main(String[] args) throws Exception {
        double rate = Double.parseDouble(System.getProperty("rate", "200"));
        int minutes = Integer.getInteger("minutes", 10);
        int sliceSeconds = Integer.getInteger("sliceSeconds", 30);
        int warmupSeconds = Integer.getInteger("warmupSeconds", 60);
        BenchData data = new BenchData(System.getProperty("db", "jdbc:postgresql://localhost:15432/postgres?user=postgres"));
        BenchApi api = new BenchApi(System.getProperty("api", "http://127.0.0.1:8080"));

        BenchData.Shop shop = data.seed("bench-soak");
        BenchSession client = api.register("Soak Client");
        BenchSession owner = api.register("Soak Owner");
        data.makeOwner(shop, owner.userId());
        MixedProfile mix = new MixedProfile(api, shop, client, owner);
        LoadRunner load = new LoadRunner(() -> { }, false);
        load.open("warm-up", rate, warmupSeconds, mix::next);

        Report report = new Report();
        List<Double> rss = new ArrayList<>();
        for (int slice = 0; slice < minutes * 60 / sliceSeconds; slice++) {
            LoadRunner.Step step = report.add(load.open(String.format("%s, soak %s", MixedProfile.NAME,
                    clock(slice * sliceSeconds)), rate, sliceSeconds, mix::next));
            rss.add(step.usage().rssMb().get("api"));
        }
        double first = rss.get(0);
        double last = rss.get(rss.size() - 1);
        double max = rss.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double growth = 100 * (last - first) / first;
        report.note(String.format("soak: %d minutes at %.0f requests/s after a %d s warm-up; command-service RSS "
                        + "%.0f MB after the first slice, %.0f MB after the last (%+.1f%%), at most %.0f MB "
                        + "(goal: no growth beyond %.0f%%: %s)", minutes, rate, warmupSeconds, first, last, growth, max,
                GROWTH_GOAL_PERCENT, growth <= GROWTH_GOAL_PERCENT ? "met" : "missed"));
        Path out = Path.of(System.getProperty("out", "ops/bench-results"));
        report.write(out.resolve("soak.md"), out.resolve("soak.json"));
        System.out.print(report.markdown());
        System.exit(0);
    }

    private static String clock(int seconds) {
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }
}
