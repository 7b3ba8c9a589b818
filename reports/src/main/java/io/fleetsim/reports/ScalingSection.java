package io.fleetsim.reports;

import io.fleetsim.experiment.RunResult;
import io.fleetsim.scaling.ScalingAction;
import io.fleetsim.scaling.ScalingTimeline;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The "Scaling" section of summary.md: per variant and service with auto scaling, how often and how far it scaled,
 * then its timeline of actions (the first {@value #MAX_ROWS}; report.json has them all).
 */
final class ScalingSection {

    static final int MAX_ROWS = 40;

    private ScalingSection() {
    }

    static boolean any(List<RunResult> runs) {
        for (RunResult run : runs) {
            if (!run.scaling().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    static void write(List<RunResult> runs, Writer out) throws IOException {
        out.write("\n## Scaling\n\n");
        out.write("Service auto scaling as Application Auto Scaling does it (one-minute datapoints, alarms, cooldowns)"
                + " and ECS managed scaling of capacity providers (instances, tracking CapacityProviderReservation)."
                + " Times are from the scenario start.\n");
        for (RunResult run : runs) {
            for (ScalingTimeline t : run.scaling()) {
                int outs = 0;
                int ins = 0;
                int low = t.initialDesired();
                int high = t.initialDesired();
                for (ScalingAction a : t.actions()) {
                    if (a.to() > a.from()) {
                        outs++;
                    } else if (a.to() < a.from()) {
                        ins++;
                    }
                    low = Math.min(low, a.to());
                    high = Math.max(high, a.to());
                }
                out.write("\n### " + Text.markdown(run.variant()) + " / " + Text.markdown(t.service()) + "\n\n");
                out.write((t.isCapacityProvider() ? "Desired capacity " : "Desired count ") + t.initialDesired() + " at the start, between " + low + " and " + high
                        + "; " + outs + " scale-out" + (outs == 1 ? "" : "s") + ", " + ins + " scale-in"
                        + (ins == 1 ? "" : "s") + ".\n");
                if (t.actions().isEmpty()) {
                    continue;
                }
                out.write("\n| Time | Desired | Source | Reason |\n|---|---:|---|---|\n");
                int rows = 0;
                for (ScalingAction a : t.actions()) {
                    if (rows++ == MAX_ROWS) {
                        out.write("\n... and " + (t.actions().size() - MAX_ROWS) + " more in report.json.\n");
                        break;
                    }
                    out.write("| " + Text.duration(a.timeNanos()) + " | " + a.from() + " -> " + a.to() + " | "
                            + Text.markdown(a.source()) + " | " + Text.markdown(a.reason()) + " |\n");
                }
            }
        }
    }
}
