package com.bookedbarber.ops.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The benchmark's output: a Markdown table for the README and the same figures as JSON. */
final class Report {
    static final String HEADER = "| scenario | load | req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | 409 | errors "
            + "| CPU ms/s api / pg / kafka / worker / load gen / other / steal | api RSS MB |\n"
            + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |\n";

    private final List<LoadRunner.Step> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    LoadRunner.Step add(LoadRunner.Step step) {
        steps.add(step);
        return step;
    }

    void note(String line) {
        notes.add(line);
        System.err.println(line);
    }

    static String row(LoadRunner.Step s) {
        Histogram h = s.latency();
        Map<String, Double> cpu = s.usage().cpuMsPerSecond();
        return String.format("| %s | %s | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %d "
                        + "| %.0f / %.0f / %.0f / %.0f / %.0f / %.0f / %.0f | %.0f |%n",
                s.scenario(), s.load(), s.perSecond(), ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9), s.conflicts(),
                s.errors(), cpu.get("api"), cpu.get("postgres"), cpu.get("kafka"), cpu.get("worker"),
                cpu.get("load generator"), cpu.get("other"), cpu.get("steal"), s.usage().rssMb().get("api"));
    }

    /** The load generator's own stalls in an open-loop step (see {@link HiccupMeter}). */
    static String stalls(LoadRunner.Step s) {
        return String.format("load generator's own stalls meanwhile: p99 %.2f ms, p99.9 %.2f ms, max %.1f ms",
                ms(s.generatorStalls(), 99), ms(s.generatorStalls(), 99.9), s.generatorStalls().getMaxValue() / 1e6);
    }

    String markdown() {
        StringBuilder out = new StringBuilder(HEADER);
        steps.forEach(s -> out.append(row(s)));
        out.append('\n');
        notes.forEach(n -> out.append(n).append('\n'));
        return out.toString();
    }

    void write(Path markdown, Path json) throws IOException {
        Files.createDirectories(markdown.toAbsolutePath().getParent());
        Files.writeString(markdown, markdown());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LoadRunner.Step s : steps) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scenario", s.scenario());
            row.put("load", s.load());
            row.put("requests_per_second", s.perSecond());
            row.put("p50_ms", ms(s.latency(), 50));
            row.put("p90_ms", ms(s.latency(), 90));
            row.put("p99_ms", ms(s.latency(), 99));
            row.put("p999_ms", ms(s.latency(), 99.9));
            row.put("conflicts", s.conflicts());
            row.put("errors", s.errors());
            row.put("cpu_ms_per_second", s.usage().cpuMsPerSecond());
            row.put("rss_mb", s.usage().rssMb());
            if (s.generatorStalls() != null) {
                row.put("load_generator_stall_p99_ms", ms(s.generatorStalls(), 99));
                row.put("load_generator_stall_max_ms", s.generatorStalls().getMaxValue() / 1e6);
            }
            rows.add(row);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(json.toFile(), Map.of("steps", rows, "notes", notes));
    }

    static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }
}
