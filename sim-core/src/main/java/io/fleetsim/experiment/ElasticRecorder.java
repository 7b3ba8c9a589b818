package io.fleetsim.experiment;

import io.fleetsim.billing.CostReport;
import io.fleetsim.cluster.CapacityProvider;
import io.fleetsim.cluster.ClusterEvent;
import io.fleetsim.cluster.Task;
import io.fleetsim.cluster.Workload;
import io.fleetsim.metrics.ElasticAnalysis;
import io.fleetsim.metrics.ElasticResult;
import io.fleetsim.metrics.LagStats;
import io.fleetsim.metrics.ProviderElastic;
import io.fleetsim.metrics.ScaleOutLag;
import io.fleetsim.metrics.ServiceElastic;
import io.fleetsim.metrics.ServiceMinute;
import io.fleetsim.metrics.ServiceTaskMinute;
import io.fleetsim.metrics.StepSeries;
import io.fleetsim.scaling.ScalingAction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records what {@link ElasticResult} needs while a run goes: the cluster events, each service's RUNNING tasks and
 * shortfall below its desired count as step series, the instants faults stopped its tasks, the tasks launched by
 * raising its desired count, and each EC2 capacity provider's running instances; one sample per minute of each.
 * Only listens and counts: it schedules nothing and draws nothing, so a run's other figures do not depend on it.
 */
final class ElasticRecorder {

    private static final class ServiceTrack {
        final Workload workload;
        final int initialDesired;
        final int floor;
        final String floorSource;
        final boolean slo;
        final StepSeries running = new StepSeries(0);
        final StepSeries shortfall;
        final List<Long> faultHits = new ArrayList<>();
        final List<ServiceTaskMinute> minutes = new ArrayList<>();
        int runningNow;
        long scaleLaunches;

        ServiceTrack(Workload workload, int initialDesired, int floor, String floorSource, boolean slo) {
            this.slo = slo;
            this.workload = workload;
            this.initialDesired = initialDesired;
            this.floor = floor;
            this.floorSource = floorSource;
            this.shortfall = new StepSeries(initialDesired);
        }

        void changed(long now) {
            running.set(now, runningNow);
            shortfall.set(now, workload.desiredCount() - runningNow);
        }
    }

    private static final class ProviderTrack {
        final String cluster;
        final CapacityProvider provider;
        final StepSeries instances = new StepSeries(0);
        final List<Integer> minutes = new ArrayList<>();
        int now;

        ProviderTrack(String cluster, CapacityProvider provider) {
            this.cluster = cluster;
            this.provider = provider;
        }
    }

    private final List<ClusterEvent> events = new ArrayList<>();
    private final Map<Workload, ServiceTrack> services = new LinkedHashMap<>();
    private final Map<CapacityProvider, ProviderTrack> providers = new IdentityHashMap<>();
    private final List<ProviderTrack> providerOrder = new ArrayList<>();

    void event(ClusterEvent e) {
        events.add(e);
    }

    void addProvider(String cluster, CapacityProvider p) {
        if (!p.isFargate()) {
            ProviderTrack t = new ProviderTrack(cluster, p);
            providers.put(p, t);
            providerOrder.add(t);
        }
    }

    /** A service launched with {@code initialDesired} tasks; its floor is minCapacity with auto scaling. */
    void addService(Workload w, int initialDesired, Integer minCapacity, boolean slo) {
        services.put(w, new ServiceTrack(w, initialDesired, minCapacity == null ? initialDesired : minCapacity,
                minCapacity == null ? "desiredCount" : "minCapacity", slo));
    }

    void instanceRunning(CapacityProvider p, long now) {
        ProviderTrack t = providers.get(p);
        if (t != null) {
            t.instances.set(now, ++t.now);
        }
    }

    void instanceTerminated(CapacityProvider p, long now) {
        ProviderTrack t = providers.get(p);
        if (t != null) {
            t.instances.set(now, --t.now);
        }
    }

    void taskRunning(Task task, long now) {
        ServiceTrack s = services.get(task.workload());
        if (s != null) {
            s.runningNow++;
            s.changed(now);
        }
    }

    /** A task is stopping: it leaves RUNNING if it got there; a fault's stop opens a fault window. */
    void taskStopping(Task task, long now) {
        ServiceTrack s = services.get(task.workload());
        if (s == null) {
            return;
        }
        if (task.runningAt() >= 0) {
            s.runningNow--;
            s.changed(now);
        }
        if (task.lostToFault()) {
            s.faultHits.add(now);
        }
    }

    /** The desired count of {@code w} changed now; {@code launched} tasks were started for it. */
    void desiredChanged(Workload w, long now, long launched) {
        ServiceTrack s = services.get(w);
        if (s != null) {
            s.scaleLaunches += launched;
            s.changed(now);
        }
    }

    void sample(long now) {
        for (ServiceTrack s : services.values()) {
            Workload w = s.workload;
            s.minutes.add(new ServiceTaskMinute(now, w.desiredCount(), s.runningNow,
                    w.liveTasks() - w.stoppingTasks() - s.runningNow));
        }
        for (ProviderTrack p : providerOrder) {
            p.minutes.add(p.now);
        }
    }

    /**
     * The result at {@code end}.
     *
     * @param actions per service with auto scaling, its actions (absent: none)
     * @param traffic per service with traffic, its minutes (absent: no SLO attribution)
     */
    ElasticResult finish(long end, CostReport cost, Map<Workload, List<ScalingAction>> actions,
            Map<Workload, List<ServiceMinute>> traffic) {
        Map<String, BigDecimal> byOwner = cost.byOwner();
        List<ServiceElastic> out = new ArrayList<>();
        for (ServiceTrack s : services.values()) {
            Workload w = s.workload;
            List<ScaleOutLag> lags = ElasticAnalysis.scaleOutLags(actions.getOrDefault(w, List.of()), s.running);
            List<ServiceMinute> minutes = traffic.get(w);
            var slo = minutes == null || !s.slo ? null : ElasticAnalysis.sloLoss(minutes,
                    ElasticAnalysis.lagWindows(lags), ElasticAnalysis.faultWindows(s.faultHits, s.shortfall));
            BigInteger total = s.running.integralAbove(0, end);
            BigInteger extra = s.running.integralAbove(s.floor, end);
            BigDecimal ownerCost = byOwner.getOrDefault(w.owner(), BigDecimal.ZERO);
            out.add(new ServiceElastic(w.name(), s.floor, s.floorSource, s.minutes, lags, LagStats.of(lags),
                    w.tasksInterrupted(), w.tasksFailed(), w.tasksStarted() - s.initialDesired - s.scaleLaunches, slo,
                    ElasticAnalysis.hours(total), ElasticAnalysis.hours(extra), ownerCost,
                    ElasticAnalysis.share(ownerCost, extra, total)));
        }
        List<ProviderElastic> ps = new ArrayList<>();
        for (ProviderTrack p : providerOrder) {
            BigInteger total = p.instances.integralAbove(0, end);
            BigInteger extra = p.instances.integralAbove(p.provider.spec().minSize(), end);
            BigDecimal ownerCost = byOwner.getOrDefault("capacity-provider:" + p.cluster + "/" + p.provider.name(),
                    BigDecimal.ZERO);
            ps.add(new ProviderElastic(p.cluster, p.provider.name(), p.provider.spec().minSize(), p.minutes,
                    ElasticAnalysis.hours(total), ElasticAnalysis.hours(extra), ownerCost,
                    ElasticAnalysis.share(ownerCost, extra, total)));
        }
        return new ElasticResult(events, out, ps);
    }
}
