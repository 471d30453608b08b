package com.bookedbarber.projection.tasks;

import com.bookedbarber.projection.core.Reconciliation;
import com.bookedbarber.projection.db.ReconcileDao;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code POST /tasks/reconcile?location_id=&from=&to=} on the worker's admin port: recomputes
 * hourly bookings and daily revenue of a location and date range from the primary tables and
 * prints every difference with the projections, or {@code OK: no differences}. Read-only, in
 * one repeatable-read snapshot so both sides are seen at the same instant.
 */
public final class ReconcileTask extends Task {
    private final Jdbi jdbi;

    public ReconcileTask(Jdbi jdbi) {
        super("reconcile");
        this.jdbi = jdbi;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        UUID location;
        LocalDate from;
        LocalDate to;
        try {
            location = UUID.fromString(single(parameters, "location_id"));
            from = LocalDate.parse(single(parameters, "from"));
            to = LocalDate.parse(single(parameters, "to"));
        } catch (RuntimeException e) {
            output.println("usage: POST /tasks/reconcile?location_id=<uuid>&from=YYYY-MM-DD&to=YYYY-MM-DD");
            return;
        }
        List<String> differences = differences(location, from, to);
        if (differences.isEmpty()) {
            output.println("OK: no differences");
        } else {
            differences.forEach(output::println);
        }
    }

    public List<String> differences(UUID location, LocalDate from, LocalDate to) {
        return jdbi.inTransaction(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ, h -> {
            ReconcileDao dao = h.attach(ReconcileDao.class);
            List<String> all = new ArrayList<>(Reconciliation.differences("hourly_bookings",
                    byKey(dao.hourlyFromPrimary(location, from, to)), byKey(dao.hourlyProjection(location, from, to))));
            all.addAll(Reconciliation.differences("daily_revenue",
                    byKey(dao.revenueFromPrimary(location, from, to)), byKey(dao.revenueProjection(location, from, to))));
            return all;
        });
    }

    private static Map<String, List<Long>> byKey(List<ReconcileDao.Cell> cells) {
        return cells.stream().collect(Collectors.toMap(ReconcileDao.Cell::key,
                c -> List.of(c.a(), c.b(), c.c(), c.d())));
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.size() != 1) {
            throw new IllegalArgumentException(name);
        }
        return values.get(0);
    }
}
