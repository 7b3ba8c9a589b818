package io.fleetsim.billing;

import static io.fleetsim.billing.UsageType.EC2_INSTANCE_SECONDS;
import static io.fleetsim.billing.UsageType.ECR_STORAGE;
import static io.fleetsim.billing.UsageType.EKS_CONTROL_PLANE;
import static io.fleetsim.billing.UsageType.FARGATE_EPHEMERAL_STORAGE;
import static io.fleetsim.billing.UsageType.FARGATE_MEMORY;
import static io.fleetsim.billing.UsageType.FARGATE_VCPU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.PurchaseOption;
import org.junit.jupiter.api.Test;

/** Per-resource billing rules of platform-semantics.md sections 1.2, 1.5, 2.1, 3 and 4, and the handle contract. */
class UsageLedgerTest {

    private static final long S = 1_000_000_000L;
    private static final long GIB = 1L << 30;

    private final UsageLedger ledger = new UsageLedger();

    // Section 2.1: 60 s minimum per launch. Running 30 s -> billed 60 s.
    @Test
    void ec2_launchShorterThanAMinuteBillsSixtySeconds() {
        int h = ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "capacity-provider:cp", 10 * S);
        ledger.ec2Terminated(h, 40 * S);
        assertThat(ledger.records()).containsExactly(
                new UsageRecord(EC2_INSTANCE_SECONDS, "m6i.large/on-demand", "capacity-provider:cp", 60, 1));
    }

    // Per second, rounded up: 61.2 s -> 62 s; exactly 61 s -> 61 s; 3600 s -> 3600 s.
    @Test
    void ec2_roundsEachLaunchUpToTheNextWholeSecond() {
        ledger.ec2Terminated(ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "a", 0), 61_200_000_000L);
        ledger.ec2Terminated(ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "b", 0), 61 * S);
        ledger.ec2Terminated(ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "c", 5 * S), 3605 * S);
        assertThat(ledger.records()).extracting(UsageRecord::quantity).containsExactly(62L, 61L, 3600L);
    }

    // Two 30 s launches of the same type and owner: 60 + 60 = 120 s, not 60 s for 60 s of running.
    @Test
    void ec2_minimumAppliesToEveryLaunch() {
        ledger.ec2Terminated(ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 0), 30 * S);
        ledger.ec2Terminated(ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 100 * S), 130 * S);
        assertThat(ledger.records()).containsExactly(
                new UsageRecord(EC2_INSTANCE_SECONDS, "m6i.large/on-demand", "o", 120, 2));
    }

    @Test
    void ec2_zeroLengthLaunchStillBillsTheMinimum() {
        ledger.ec2Terminated(ledger.ec2Running("t3.micro", PurchaseOption.SPOT, "o", 7 * S), 7 * S);
        assertThat(ledger.records()).containsExactly(new UsageRecord(EC2_INSTANCE_SECONDS, "t3.micro/spot", "o", 60, 1));
    }

    // 45 s -> 60 s minimum (section 1.2): vCPU 512 x 60 = 30720 unit-s, memory 1024 x 60 = 61440 MiB-s;
    // 20 GiB ephemeral is included (section 1.5), so no storage record.
    @Test
    void fargate_taskShorterThanAMinuteBillsSixtySecondsOfRequestedSize() {
        int h = ledger.fargateStarted(Architecture.X86_64, false, 512, 1024, 20, "service:api", 0);
        ledger.fargateStopped(h, 45 * S);
        assertThat(ledger.records()).containsExactly(
                new UsageRecord(FARGATE_VCPU, "x86_64/on-demand", "service:api", 30_720, 1),
                new UsageRecord(FARGATE_MEMORY, "x86_64/on-demand", "service:api", 61_440, 1));
    }

    // 90.0000001 s = 90,000,000,100 ns -> 91 s: 512 x 91 = 46592; 1024 x 91 = 93184.
    @Test
    void fargate_roundsUpToTheNextWholeSecond() {
        int h = ledger.fargateStarted(Architecture.X86_64, false, 512, 1024, 20, "o", 1 * S);
        ledger.fargateStopped(h, 1 * S + 90_000_000_100L);
        assertThat(ledger.records()).extracting(UsageRecord::quantity).containsExactly(46_592L, 93_184L);
    }

    // 30 GiB configured for 100 s: (30 - 20) x 100 = 1000 GiB-s above the included 20 GB (section 1.5).
    @Test
    void fargate_billsEphemeralStorageAboveTwentyGib() {
        int h = ledger.fargateStarted(Architecture.ARM64, true, 1024, 2048, 30, "job:batch", 0);
        ledger.fargateStopped(h, 100 * S);
        assertThat(ledger.records()).containsExactly(
                new UsageRecord(FARGATE_VCPU, "arm64/spot", "job:batch", 102_400, 1),
                new UsageRecord(FARGATE_MEMORY, "arm64/spot", "job:batch", 204_800, 1),
                new UsageRecord(FARGATE_EPHEMERAL_STORAGE, "arm64/spot", "job:batch", 1_000, 1));
    }

    // Tasks of different sizes under one key add up: (256 x 60) + (1024 x 120) = 15360 + 122880 = 138240 unit-s;
    // memory (512 x 60) + (4096 x 120) = 30720 + 491520 = 522240; only the 50 GiB task has storage: 30 x 120 = 3600.
    @Test
    void fargate_aggregatesTasksOfDifferentSizesPerKeyAndOwner() {
        ledger.fargateStopped(ledger.fargateStarted(Architecture.X86_64, true, 256, 512, 21 - 1, "o", 0), 60 * S);
        ledger.fargateStopped(ledger.fargateStarted(Architecture.X86_64, true, 1024, 4096, 50, "o", 0), 120 * S);
        assertThat(ledger.records()).containsExactly(
                new UsageRecord(FARGATE_VCPU, "x86_64/spot", "o", 138_240, 2),
                new UsageRecord(FARGATE_MEMORY, "x86_64/spot", "o", 522_240, 2),
                new UsageRecord(FARGATE_EPHEMERAL_STORAGE, "x86_64/spot", "o", 3_600, 1));
    }

    @Test
    void records_areSortedByTypeThenKeyThenOwnerWhateverTheOrderOfEvents() {
        ledger.eksControlPlane("cluster:b", 0, 10 * S);
        ledger.ecrStorage("web", 5, "ecr", 0, 2 * S);
        ledger.fargateStopped(ledger.fargateStarted(Architecture.X86_64, false, 256, 512, 20, "z", 0), 60 * S);
        ledger.fargateStopped(ledger.fargateStarted(Architecture.ARM64, false, 256, 512, 20, "a", 0), 60 * S);
        ledger.ec2Terminated(ledger.ec2Running("t3.micro", PurchaseOption.ON_DEMAND, "b", 0), 60 * S);
        ledger.ec2Terminated(ledger.ec2Running("m6i.large", PurchaseOption.SPOT, "b", 0), 60 * S);
        ledger.ec2Terminated(ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "b", 0), 60 * S);
        ledger.ec2Terminated(ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "a", 0), 60 * S);
        ledger.eksControlPlane("cluster:a", 0, 10 * S);
        assertThat(ledger.records()).extracting(r -> r.type() + " " + r.key() + " " + r.owner()).containsExactly(
                "EC2_INSTANCE_SECONDS m6i.large/on-demand a",
                "EC2_INSTANCE_SECONDS m6i.large/on-demand b",
                "EC2_INSTANCE_SECONDS m6i.large/spot b",
                "EC2_INSTANCE_SECONDS t3.micro/on-demand b",
                "FARGATE_VCPU arm64/on-demand a",
                "FARGATE_VCPU x86_64/on-demand z",
                "FARGATE_MEMORY arm64/on-demand a",
                "FARGATE_MEMORY x86_64/on-demand z",
                "ECR_STORAGE web ecr",
                "EKS_CONTROL_PLANE standard cluster:a",
                "EKS_CONTROL_PLANE standard cluster:b");
    }

    // 1 GiB over [0, 10.5 s) -> 11 s -> 11 x 2^30 byte-seconds; a zero-length interval counts the image, 0 usage.
    @Test
    void ecr_billsByteSecondsRoundedUpPerImage() {
        ledger.ecrStorage("api", GIB, "ecr", 0, 10_500_000_000L);
        ledger.ecrStorage("api", 3 * GIB, "ecr", 4 * S, 4 * S);
        assertThat(ledger.records()).containsExactly(new UsageRecord(ECR_STORAGE, "api", "ecr", 11 * GIB, 2));
    }

    // One hour and one nanosecond -> 3601 cluster-seconds; no minimum: 0.2 s -> 1 s.
    @Test
    void eks_billsClusterSecondsRoundedUpWithoutMinimum() {
        ledger.eksControlPlane("cluster:prod", 0, 3600 * S + 1);
        ledger.eksControlPlane("cluster:prod", 5000 * S, 5000 * S + 200_000_000L);
        assertThat(ledger.records()).containsExactly(
                new UsageRecord(EKS_CONTROL_PLANE, "standard", "cluster:prod", 3602, 2));
    }

    // Open at the end: EC2 since 100 s closed at 3700 s -> 3600; Fargate since 3690 s -> 10 s -> minimum 60 s.
    @Test
    void closeAll_billsResourcesStillOpenAtTheEndWithTheirRules() {
        ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 100 * S);
        ledger.fargateStarted(Architecture.X86_64, false, 256, 512, 20, "o", 3690 * S);
        int closed = ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 0);
        ledger.ec2Terminated(closed, 60 * S);
        assertThat(ledger.openResources()).isEqualTo(2);
        ledger.closeAll(3700 * S);
        assertThat(ledger.openResources()).isZero();
        assertThat(ledger.records()).containsExactly(
                new UsageRecord(EC2_INSTANCE_SECONDS, "m6i.large/on-demand", "o", 3660, 2),
                new UsageRecord(FARGATE_VCPU, "x86_64/on-demand", "o", 256 * 60, 1),
                new UsageRecord(FARGATE_MEMORY, "x86_64/on-demand", "o", 512 * 60, 1));
    }

    @Test
    void records_beforeCloseCountOnlyClosedResources() {
        ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 0);
        assertThat(ledger.records()).isEmpty();
    }

    @Test
    void closingTwice_throwsIllegalState() {
        int h = ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 0);
        ledger.ec2Terminated(h, 60 * S);
        assertThatThrownBy(() -> ledger.ec2Terminated(h, 70 * S))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("handle " + h + " is not an open resource");
    }

    // The freed slot is reused by the next open; the old handle must not close the new resource.
    @Test
    void staleHandleOfAReusedSlot_throwsIllegalStateAndLeavesTheNewResourceOpen() {
        int first = ledger.fargateStarted(Architecture.X86_64, false, 256, 512, 20, "o", 0);
        ledger.fargateStopped(first, 60 * S);
        int second = ledger.fargateStarted(Architecture.X86_64, false, 256, 512, 20, "o", 60 * S);
        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> ledger.fargateStopped(first, 120 * S)).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.openResources()).isEqualTo(1);
        ledger.fargateStopped(second, 120 * S);
        assertThat(ledger.records()).extracting(UsageRecord::resources).containsExactly(2L, 2L);
    }

    @Test
    void neverIssuedHandle_throwsIllegalState() {
        assertThatThrownBy(() -> ledger.ec2Terminated(0, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ledger.fargateStopped(-1, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void handleOfTheOtherKind_throwsIllegalState() {
        int ec2 = ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 0);
        int task = ledger.fargateStarted(Architecture.X86_64, false, 256, 512, 20, "o", 0);
        assertThatThrownBy(() -> ledger.fargateStopped(ec2, 60 * S))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("use ec2Terminated");
        assertThatThrownBy(() -> ledger.ec2Terminated(task, 60 * S))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("use fargateStopped");
    }

    @Test
    void endBeforeStart_isRejectedAndTheResourceStaysOpen() {
        int h = ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 10 * S);
        assertThatThrownBy(() -> ledger.ec2Terminated(h, 9 * S))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ec2Terminated: end time 9000000000 ns is before the start time 10000000000 ns");
        assertThat(ledger.openResources()).isEqualTo(1);
    }

    @Test
    void invalidArguments_areRejectedWithWhatWasFound() {
        assertThatThrownBy(() -> ledger.fargateStarted(Architecture.X86_64, false, 0, 512, 20, "o", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fargateStarted: expected cpuUnits > 0, memoryMiB > 0 and ephemeralGiB >= 0, found "
                        + "cpuUnits 0, memoryMiB 512, ephemeralGiB 20");
        assertThatThrownBy(() -> ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ec2Running: expected runningAtNanos >= 0 (nanoseconds since scenario start), found -1");
        assertThatThrownBy(() -> ledger.ec2Running(" ", PurchaseOption.ON_DEMAND, "o", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a non-blank instanceType, found \" \"");
        assertThatThrownBy(() -> ledger.ecrStorage("r", -1, "o", 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ecrStorage: expected bytes >= 0, found -1");
        assertThatThrownBy(() -> ledger.eksControlPlane("o", 5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("eksControlPlane: expected 0 <= fromNanos <= toNanos, found fromNanos 5, toNanos 4");
        assertThatThrownBy(() -> ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, null, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("owner");
    }

    // Long.MAX_VALUE = 2^63 - 1 byte-seconds. 2^62 bytes for 2 s = 2^63 overflows the product; (2^62 - 1) bytes
    // for 2 s = 2^63 - 2 fits alone but not on top of the 2^30 already recorded. Both must throw, not wrap, and
    // leave the record as it was.
    @Test
    void ecrByteSecondsPastLongMax_throwInsteadOfWrapping() {
        ledger.ecrStorage("big", GIB, "ecr", 0, S);
        assertThatThrownBy(() -> ledger.ecrStorage("big", 1L << 62, "ecr", 0, 2 * S))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("usage quantity of ECR_STORAGE 'big' owner 'ecr' exceeds 9223372036854775807 base units");
        assertThatThrownBy(() -> ledger.ecrStorage("big", (1L << 62) - 1, "ecr", 0, 2 * S))
                .isInstanceOf(ArithmeticException.class);
        assertThat(ledger.records()).containsExactly(new UsageRecord(ECR_STORAGE, "big", "ecr", GIB, 1));
    }
}
