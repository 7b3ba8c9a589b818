package io.fleetsim.billing;

import static io.fleetsim.billing.UsageType.EC2_INSTANCE_SECONDS;
import static io.fleetsim.billing.UsageType.FARGATE_EPHEMERAL_STORAGE;
import static io.fleetsim.billing.UsageType.FARGATE_MEMORY;
import static io.fleetsim.billing.UsageType.FARGATE_VCPU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.PurchaseOption;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link UsageLedger#accruedAt}: O(keys) accrual checked against hand-worked values and brute force. */
class UsageLedgerAccrualTest {

    private static final long S = 1_000_000_000L;
    private static final long DAY = 86_400 * S;

    private final UsageLedger ledger = new UsageLedger();

    // EC2 open since 10 s, now 40.9 s: 30.9 s elapsed -> floor 30 (no 60 s minimum while open).
    // Fargate 512/1024 since 0 and 1024/2048 since 20.5 s, now 40.9 s:
    //   vCPU   512 x 40.9 + 1024 x 20.4 = 20940.8 + 20889.6 = 41830.4 -> 41830
    //   memory 1024 x 40.9 + 2048 x 20.4 = 41881.6 + 41779.2 = 83660.8 -> 83660
    // A closed 30 s launch of the same EC2 key counts its billed 60 s: 60 + 30 = 90, resources 2.
    @Test
    void accruedAt_addsElapsedOpenUsageRoundedDownPerKey() {
        ledger.ec2Terminated(ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 0), 30 * S);
        ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 10 * S);
        ledger.fargateStarted(Architecture.X86_64, false, 512, 1024, 20, "o", 0);
        ledger.fargateStarted(Architecture.X86_64, false, 1024, 2048, 20, "o", 20_500_000_000L);
        assertThat(ledger.accruedAt(40_900_000_000L)).containsExactly(
                new UsageRecord(EC2_INSTANCE_SECONDS, "m6i.large/on-demand", "o", 90, 2),
                new UsageRecord(FARGATE_VCPU, "x86_64/on-demand", "o", 41_830, 2),
                new UsageRecord(FARGATE_MEMORY, "x86_64/on-demand", "o", 83_660, 2));
        // records() still shows only what is closed
        assertThat(ledger.records()).containsExactly(
                new UsageRecord(EC2_INSTANCE_SECONDS, "m6i.large/on-demand", "o", 60, 1));
    }

    @Test
    void accruedAt_beforeALaterRecordedTime_isRejected() {
        ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 50 * S);
        assertThatThrownBy(() -> ledger.accruedAt(49 * S))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nowNanos 49000000000 is before the latest time the ledger has seen "
                        + "(50000000000)");
    }

    /**
     * A random workload over 3 EC2 keys, 4 Fargate keys and 2 owners: after every step, accruedAt must equal a
     * brute-force recomputation over every resource (closed: the billing rule; open: floor of the exact sum of
     * size x elapsed nanoseconds / 1e9 per key).
     */
    @Test
    void accruedAt_matchesBruteForceOnARandomWorkload() {
        SplittableRandom random = new SplittableRandom(20261101L);
        String[] types = {"m6i.large", "c7g.large", "t3.micro"};
        String[] owners = {"service:api", "service:worker"};
        int[][] sizes = {{256, 512}, {512, 2048}, {1024, 3072}, {4096, 30720}, {16384, 122880}};
        List<Open> open = new ArrayList<>();
        Map<String, long[]> closed = new TreeMap<>(); // "type|key|owner" -> {quantity, resources}
        long now = 0;
        int checks = 0;
        for (int step = 0; step < 2500; step++) {
            now += random.nextLong(0, 45 * S);
            int action = random.nextInt(10);
            if (action < 3) {
                String type = types[random.nextInt(types.length)];
                PurchaseOption option = random.nextBoolean() ? PurchaseOption.SPOT : PurchaseOption.ON_DEMAND;
                String owner = owners[random.nextInt(owners.length)];
                int h = ledger.ec2Running(type, option, owner, now);
                String key = type + (option == PurchaseOption.SPOT ? "/spot" : "/on-demand");
                open.add(new Open(h, true, "|" + key + "|" + owner, now, 1, 0, 0));
            } else if (action < 6) {
                Architecture arch = random.nextBoolean() ? Architecture.ARM64 : Architecture.X86_64;
                boolean spot = random.nextBoolean();
                int[] size = sizes[random.nextInt(sizes.length)];
                int ephemeral = random.nextInt(20, 201);
                String owner = owners[random.nextInt(owners.length)];
                int h = ledger.fargateStarted(arch, spot, size[0], size[1], ephemeral, owner, now);
                String key = (arch == Architecture.ARM64 ? "arm64" : "x86_64") + (spot ? "/spot" : "/on-demand");
                open.add(new Open(h, false, "|" + key + "|" + owner, now, size[0], size[1], ephemeral - 20));
            } else if (action < 9 && !open.isEmpty()) {
                Open o = open.remove(random.nextInt(open.size()));
                long seconds = Math.max(60, (now - o.start + S - 1) / S);
                if (o.ec2) {
                    ledger.ec2Terminated(o.handle, now);
                    add(closed, EC2_INSTANCE_SECONDS + o.keyOwner, seconds);
                } else {
                    ledger.fargateStopped(o.handle, now);
                    add(closed, FARGATE_VCPU + o.keyOwner, o.cpu * seconds);
                    add(closed, FARGATE_MEMORY + o.keyOwner, o.memory * seconds);
                    if (o.extraGiB > 0) {
                        add(closed, FARGATE_EPHEMERAL_STORAGE + o.keyOwner, o.extraGiB * seconds);
                    }
                }
            } else {
                assertThat(ledger.accruedAt(now)).as("step %d", step).isEqualTo(bruteForce(closed, open, now));
                checks++;
            }
        }
        assertThat(checks).isGreaterThan(200);
        assertThat(open).hasSizeGreaterThan(100); // the last checks had many resources open
    }

    private static void add(Map<String, long[]> closed, String account, long quantity) {
        long[] q = closed.computeIfAbsent(account, k -> new long[2]);
        q[0] += quantity;
        q[1]++;
    }

    private static List<UsageRecord> bruteForce(Map<String, long[]> closed, List<Open> open, long now) {
        Map<String, BigInteger[]> totals = new TreeMap<>(); // account -> {closed, open nanos x size, resources}
        closed.forEach((account, q) -> totals.put(account,
                new BigInteger[] {BigInteger.valueOf(q[0]), BigInteger.ZERO, BigInteger.valueOf(q[1])}));
        for (Open o : open) {
            BigInteger elapsed = BigInteger.valueOf(now - o.start);
            if (o.ec2) {
                accrue(totals, EC2_INSTANCE_SECONDS + o.keyOwner, elapsed);
            } else {
                accrue(totals, FARGATE_VCPU + o.keyOwner, elapsed.multiply(BigInteger.valueOf(o.cpu)));
                accrue(totals, FARGATE_MEMORY + o.keyOwner, elapsed.multiply(BigInteger.valueOf(o.memory)));
                if (o.extraGiB > 0) {
                    accrue(totals, FARGATE_EPHEMERAL_STORAGE + o.keyOwner,
                            elapsed.multiply(BigInteger.valueOf(o.extraGiB)));
                }
            }
        }
        List<UsageRecord> out = new ArrayList<>();
        totals.forEach((account, t) -> {
            String[] parts = account.split("\\|");
            long quantity = t[0].add(t[1].divide(BigInteger.valueOf(S))).longValueExact();
            out.add(new UsageRecord(UsageType.valueOf(parts[0]), parts[1], parts[2], quantity, t[2].longValueExact()));
        });
        out.sort((a, b) -> a.type() != b.type() ? a.type().compareTo(b.type())
                : !a.key().equals(b.key()) ? a.key().compareTo(b.key()) : a.owner().compareTo(b.owner()));
        return out;
    }

    private static void accrue(Map<String, BigInteger[]> totals, String account, BigInteger nanoUnits) {
        BigInteger[] t = totals.computeIfAbsent(account,
                k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO});
        t[1] = t[1].add(nanoUnits);
        t[2] = t[2].add(BigInteger.ONE);
    }

    /** An open resource of the brute-force model; {@code keyOwner} is "|key|owner". */
    private record Open(int handle, boolean ec2, String keyOwner, long start, long cpu, long memory, long extraGiB) {
    }

    /**
     * 10^6 Fargate tasks of 16 vCPU / 120 GiB / 200 GiB storage open for a year. A naive long accumulator of
     * size x start nanos would overflow (16384 x 10^6 x up to 8.6e13 ns is ~1.4e24 > 9.2e18); accruedAt must
     * still be exact against a BigInteger reference. Closing them all must also be exact: memory is
     * 10^6 x 122880 MiB x ~31,536,000 s ~ 3.9e18 MiB-seconds, just inside a long.
     */
    @Test
    void accruedAt_isExactForAMillionLargeTasksOverAYear() {
        int n = 1_000_000;
        long year = 365 * DAY;
        SplittableRandom random = new SplittableRandom(7);
        long[] starts = new long[n];
        for (int i = 0; i < n; i++) {
            starts[i] = random.nextLong(0, DAY); // started during the first day, at any nanosecond
            ledger.fargateStarted(Architecture.X86_64, false, 16384, 122880, 200, "service:big", starts[i]);
        }
        // Reference sums: a chunk of 256 elapsed times (each < 3.2e16 ns) fits in a long; the total does not.
        BigInteger elapsedNanos = BigInteger.ZERO;
        long seconds = 0; // sum of per-task ceil seconds: < 10^6 x 3.2e7, fits
        for (int from = 0; from < n; from += 256) {
            long chunk = 0;
            for (int i = from; i < Math.min(n, from + 256); i++) {
                chunk += year - starts[i];
                seconds += (year - starts[i] + S - 1) / S;
            }
            elapsedNanos = elapsedNanos.add(BigInteger.valueOf(chunk));
        }
        BigInteger billedSeconds = BigInteger.valueOf(seconds);
        BigInteger weightedStarts = BigInteger.valueOf(16384).multiply(
                BigInteger.valueOf(n).multiply(BigInteger.valueOf(year)).subtract(elapsedNanos));
        assertThat(weightedStarts.bitLength()).as("the test is in long-overflow territory").isGreaterThan(63);

        assertThat(ledger.accruedAt(year)).containsExactly(
                record(FARGATE_VCPU, elapsedNanos.multiply(BigInteger.valueOf(16384)).divide(BigInteger.valueOf(S)), n),
                record(FARGATE_MEMORY, elapsedNanos.multiply(BigInteger.valueOf(122880)).divide(BigInteger.valueOf(S)), n),
                record(FARGATE_EPHEMERAL_STORAGE, elapsedNanos.multiply(BigInteger.valueOf(180))
                        .divide(BigInteger.valueOf(S)), n));

        ledger.closeAll(year);
        assertThat(ledger.records()).containsExactly(
                record(FARGATE_VCPU, billedSeconds.multiply(BigInteger.valueOf(16384)), n),
                record(FARGATE_MEMORY, billedSeconds.multiply(BigInteger.valueOf(122880)), n),
                record(FARGATE_EPHEMERAL_STORAGE, billedSeconds.multiply(BigInteger.valueOf(180)), n));
        // nothing open: the accrual equals the final bill
        assertThat(ledger.accruedAt(year)).isEqualTo(ledger.records());
    }

    private static UsageRecord record(UsageType type, BigInteger quantity, long resources) {
        return new UsageRecord(type, "x86_64/on-demand", "service:big", quantity.longValueExact(), resources);
    }
}
