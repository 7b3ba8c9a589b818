package io.fleetsim.reports;

import io.fleetsim.experiment.RunResult;
import io.fleetsim.metrics.DeploymentSummary;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The "Deployments" section of summary.md: per variant, each rolling update and rollback with its start, end,
 * duration, tasks launched and failed, and outcome (report.json has the same under {@code deployments}).
 */
final class DeploymentSection {

    private DeploymentSection() {
    }

    static boolean any(List<RunResult> runs) {
        for (RunResult run : runs) {
            if (!run.deployments().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    static void write(List<RunResult> runs, Writer out) throws IOException {
        out.write("\n## Deployments\n\n");
        out.write("Rolling updates within minimumHealthyPercent / maximumPercent, with the circuit breaker when enabled."
                + " Times are from the scenario start.\n\n");
        out.write("| Variant | Service | # | Revision | Start | End | Duration | Launched | Failed | Outcome |\n"
                + "|---|---|---:|---|---|---|---|---:|---:|---|\n");
        for (RunResult run : runs) {
            for (DeploymentSummary d : run.deployments()) {
                String revision = d.taskDefinitionArn().substring(d.taskDefinitionArn().lastIndexOf('/') + 1);
                out.write("| " + Text.markdown(run.variant()) + " | " + Text.markdown(d.service()) + " | "
                        + d.number() + " | " + Text.markdown(revision) + " (" + Text.markdown(d.image()) + ")"
                        + (d.rollback() ? ", rollback" : "") + " | " + Text.time(d.startNanos()) + " | "
                        + (d.endNanos() < 0 ? "-" : Text.time(d.endNanos())) + " | "
                        + (d.endNanos() < 0 ? "-" : Text.time(d.durationNanos())) + " | " + d.tasksLaunched()
                        + " | " + d.tasksFailed() + " | " + d.outcome().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ') + " |\n");
            }
        }
    }
}
