package com.bookedbarber.projection.tasks;

import com.bookedbarber.projection.consumer.ProjectionRebuild;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tasks/rebuild-projections} on the worker's admin port: rebuilds every read model
 * from the beginning of the topics into shadow tables and swaps them in atomically (see
 * {@link ProjectionRebuild}); answers when done with the number of records replayed.
 */
public final class RebuildTask extends Task {
    private final ProjectionRebuild rebuild;

    public RebuildTask(ProjectionRebuild rebuild) {
        super("rebuild-projections");
        this.rebuild = rebuild;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        ProjectionRebuild.Report report = rebuild.run();
        output.println("OK: rebuilt from " + report.records() + " records; swapped in at " + report.swappedAt());
    }
}
