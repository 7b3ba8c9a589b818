package io.fleetsim.billing;

import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.PurchaseOption;
import java.util.List;

/**
 * SKELETON (contract): records metered usage during a run as integers, applying each platform's per-resource
 * billing rules when a resource closes. Times are simulated nanoseconds.
 */
public final class UsageLedger {

    public UsageLedger() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** An EC2 instance entered the running state; returns a handle for {@link #ec2Terminated}. */
    public int ec2Running(String instanceType, PurchaseOption option, String owner, long runningAtNanos) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** EC2: per second, rounded up, 60 s minimum per launch (platform-semantics.md section 2.1). */
    public void ec2Terminated(int handle, long terminatedAtNanos) {
        throw new UnsupportedOperationException("skeleton");
    }

    /**
     * A Fargate task started pulling its image (billing starts, section 1.2); returns a handle for
     * {@link #fargateStopped}.
     */
    public int fargateStarted(Architecture arch, boolean spot, int cpuUnits, int memoryMiB, int ephemeralGiB,
            String owner, long pullStartNanos) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Fargate: duration rounded up to the second, 1-minute minimum; ephemeral storage above 20 GB. */
    public void fargateStopped(int handle, long stoppedAtNanos) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** ECR storage of one image of {@code bytes} over [fromNanos, toNanos). */
    public void ecrStorage(String repository, long bytes, String owner, long fromNanos, long toNanos) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** EKS control plane of one cluster over [fromNanos, toNanos) (no minimum; billed per second here). */
    public void eksControlPlane(String owner, long fromNanos, long toNanos) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Closes every open resource at {@code endNanos} with its billing rules (resources running at the end). */
    public void closeAll(long endNanos) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Usage so far, sorted by (type, key, owner). After {@link #closeAll} this is the run's final usage. */
    public List<UsageRecord> records() {
        throw new UnsupportedOperationException("skeleton");
    }

    /**
     * Usage accrued up to {@code nowNanos}: closed resources as billed, open ones for their elapsed time
     * (minimums not yet applied). O(number of keys), not O(resources): called once per simulated minute.
     */
    public List<UsageRecord> accruedAt(long nowNanos) {
        throw new UnsupportedOperationException("skeleton");
    }
}
