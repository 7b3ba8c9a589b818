package io.fleetsim.billing;

import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.PurchaseOption;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * Records metered usage during a run as integers, applying each platform's per-resource billing rules when a
 * resource closes, like the lines of a cost and usage report (DESIGN.md principle 4). Times are simulated
 * nanoseconds; prices are applied later by {@link Pricer}.
 *
 * <p>Billing rules (platform-semantics.md):
 * <ul>
 *   <li>EC2 (section 2.1, https://aws.amazon.com/about-aws/whats-new/2017/10/announcing-amazon-ec2-per-second-billing/):
 *       Linux instances are billed per second with a 60 s minimum each time an instance enters the running state:
 *       {@code seconds = max(60, ceil((terminated - running) / 1e9))}; quantity
 *       {@link UsageType#EC2_INSTANCE_SECONDS} under key {@code "<type>/on-demand"} or {@code "<type>/spot"}.</li>
 *   <li>Fargate (section 1.2, https://aws.amazon.com/fargate/pricing/): billed on requested vCPU, memory and storage
 *       from the start of the image pull until the task stops, rounded up to the second, 1-minute minimum:
 *       {@code seconds = max(60, ceil((stopped - pullStart) / 1e9))}; {@code FARGATE_VCPU += cpuUnits * seconds},
 *       {@code FARGATE_MEMORY += memoryMiB * seconds}, {@code FARGATE_EPHEMERAL_STORAGE += max(0, ephemeralGiB - 20)
 *       * seconds} (20 GB included, section 1.5), under key {@code "x86_64/on-demand"}, {@code "x86_64/spot"},
 *       {@code "arm64/on-demand"} or {@code "arm64/spot"}.</li>
 *   <li>ECR storage (section 4): {@code ECR_STORAGE += bytes * ceil((to - from) / 1e9)} byte-seconds, key = the
 *       repository.</li>
 *   <li>EKS control plane (section 3): {@code EKS_CONTROL_PLANE += ceil((to - from) / 1e9)} cluster-seconds, key
 *       {@code "standard"} (standard support), no minimum.</li>
 * </ul>
 * Usage is aggregated per (type, key, owner); {@link UsageRecord#resources()} counts the resources that
 * contributed (launches, tasks, images, cluster intervals). A Fargate task counts towards the ephemeral-storage
 * record only if it configured more than the included 20 GiB.
 *
 * <h2>Why it is built this way</h2>
 * A run may open and close many millions of instances and tasks, so an open resource is a slot in parallel
 * primitive arrays, not an object: a handle is an {@code int} naming the slot (low 23 bits, so at most
 * {@value #MAX_OPEN} resources open at once) and an 8-bit generation (high bits) that changes every time the slot
 * is freed, so closing twice or closing with a stale handle throws {@link IllegalStateException}. Freed slots are
 * reused through a free list. Aggregates live in per-account arrays (one account per (type, key, owner)); the
 * string lookups on open are {@code HashMap.get} calls that allocate nothing once the account exists. Hash maps
 * are only used for lookups; every output is sorted by (type, key, owner).
 *
 * <p>{@link #accruedAt} is O(accounts): each account keeps, over its open resources, the count, the sum of sizes
 * ({@code S = sum(size)}) and the sum of {@code size * start} ({@code W}) as an unsigned 128-bit integer in two
 * longs. The elapsed open usage is {@code S * now - W} nanosecond-units, divided by 1e9 with the remainder dropped.
 * Overflow margins: a size is at most 2^31 and a start at most 2^63 ns, so one product is below 2^94 and the sum
 * over at most 2^23 open resources below 2^117: it fits in 128 bits with room to spare. (A plain long would not:
 * 10^6 tasks x 16384 units x 3.15e16 ns (a year) = 5.2e26.) {@code S} is below 2^54. The BigInteger arithmetic
 * happens only in {@link #accruedAt}, once per account per call.
 *
 * <p>Caveats:
 * <ul>
 *   <li>{@link #accruedAt} rounds each account's open usage down to whole base units (seconds x size) and applies
 *       no minimum to open resources; the final bill per resource is computed at close (ceil per resource, then
 *       the minimum), so the accrual before close is a slight under-estimate of the eventual bill.</li>
 *   <li>ECR and EKS intervals are passed whole, so they count fully from the moment they are recorded, also in
 *       {@link #accruedAt}; callers record them when the interval ends.</li>
 *   <li>Quantities are {@code long}s (the {@link UsageRecord} contract); adding past {@link Long#MAX_VALUE} throws
 *       {@link ArithmeticException} rather than wrap. The limit is far away for compute (10^6 Fargate tasks of
 *       120 GiB for a year are 3.9e18 MiB-seconds) but nearer for ECR byte-seconds: 9.2e18 byte-seconds is about
 *       3,260 GB-months in one (repository, owner) record.</li>
 * </ul>
 * Not thread-safe: one ledger belongs to one simulation.
 */
public final class UsageLedger {

    /** Nanoseconds per second: simulated time is a long of nanoseconds (DESIGN.md principle 1). */
    static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** EC2 Linux: "a minimum of 60 seconds" per start (platform-semantics.md section 2.1). */
    static final long EC2_MINIMUM_SECONDS = 60;
    /** Fargate: "per second with a 1-minute minimum" (platform-semantics.md section 1.2, Linux). */
    static final long FARGATE_MINIMUM_SECONDS = 60;
    /** Fargate: 20 GB ephemeral storage included, pay only for more (platform-semantics.md section 1.5). */
    static final int FARGATE_INCLUDED_EPHEMERAL_GIB = 20;
    /** Key of the EKS control plane under standard Kubernetes version support (platform-semantics.md section 3). */
    static final String EKS_STANDARD_KEY = "standard";

    private static final int SLOT_BITS = 23;
    private static final int SLOT_MASK = (1 << SLOT_BITS) - 1;
    private static final int GENERATION_MASK = 0xFF;
    /** Most resources open at once: the slot part of a handle (handles stay non-negative). */
    public static final int MAX_OPEN = 1 << SLOT_BITS;
    private static final int FREE = -1;
    private static final BigInteger NANOS_PER_SECOND_BIG = BigInteger.valueOf(NANOS_PER_SECOND);

    // ---- accounts: one per (type, key, owner). A Fargate (key, owner) has three consecutive accounts:
    // base = vCPU, base + 1 = memory, base + 2 = ephemeral storage.
    private UsageType[] accountType = new UsageType[16];
    private String[] accountKey = new String[16];
    private String[] accountOwner = new String[16];
    private long[] closedQuantity = new long[16];
    private long[] closedResources = new long[16];
    private long[] openCount = new long[16];
    private long[] openSizeSum = new long[16];
    private long[] openWeightedStartHi = new long[16];
    private long[] openWeightedStartLo = new long[16];
    private int accounts;
    private int[] sortedAccounts = new int[0];

    // ---- pricing keys: key id -> (owner -> base account). Lookup only; never iterated for output.
    private final ArrayList<HashMap<String, Integer>> ownersByKey = new ArrayList<>();
    private final ArrayList<String> keyNames = new ArrayList<>();
    private final ArrayList<UsageType> keyBaseTypes = new ArrayList<>();
    private final HashMap<String, int[]> ec2KeyIds = new HashMap<>(); // type -> [on-demand id, spot id]
    private final int[] fargateKeyIds = {FREE, FREE, FREE, FREE};     // [x86 od, x86 spot, arm od, arm spot]
    private final HashMap<String, Integer> ecrKeyIds = new HashMap<>();
    private int eksKeyId = FREE;

    // ---- open resources: one slot each, parallel arrays.
    private int[] slotAccount = new int[64];
    private long[] slotStart = new long[64];
    private int[] slotCpu = new int[64];
    private int[] slotMemory = new int[64];
    private int[] slotEphemeral = new int[64];
    private byte[] slotGeneration = new byte[64];
    private int slotHighWater;
    private int[] freeSlots = new int[64];
    private int freeCount;
    private int open;

    private long latestNanos;

    public UsageLedger() {
    }

    /**
     * An EC2 instance entered the running state; returns a handle for {@link #ec2Terminated}.
     *
     * @throws IllegalArgumentException if a time is negative or the instance type is blank
     * @throws IllegalStateException    if {@value #MAX_OPEN} resources are already open
     */
    public int ec2Running(String instanceType, PurchaseOption option, String owner, long runningAtNanos) {
        Objects.requireNonNull(option, "option");
        requireName("instanceType", instanceType);
        requireStart("ec2Running", "runningAtNanos", runningAtNanos);
        int[] ids = ec2KeyIds.get(instanceType);
        if (ids == null) {
            ids = new int[] {FREE, FREE};
            ec2KeyIds.put(instanceType, ids);
        }
        int o = option == PurchaseOption.SPOT ? 1 : 0;
        if (ids[o] == FREE) {
            ids[o] = newKey(UsageType.EC2_INSTANCE_SECONDS,
                    instanceType + (option == PurchaseOption.SPOT ? "/spot" : "/on-demand"));
        }
        int account = account(ids[o], owner);
        int slot = allocateSlot(account, runningAtNanos);
        addOpen(account, 1, runningAtNanos);
        return handle(slot);
    }

    /**
     * EC2: per second, rounded up, 60 s minimum per launch (platform-semantics.md section 2.1).
     *
     * @throws IllegalStateException    if the handle is not an open EC2 instance (closed, stale or a Fargate task)
     * @throws IllegalArgumentException if {@code terminatedAtNanos} is before the running time
     */
    public void ec2Terminated(int handle, long terminatedAtNanos) {
        int slot = openSlot(handle, "ec2Terminated");
        if (accountType[slotAccount[slot]] != UsageType.EC2_INSTANCE_SECONDS) {
            throw new IllegalStateException("ec2Terminated: handle " + handle + " is a Fargate task, not an EC2 "
                    + "instance; use fargateStopped");
        }
        closeEc2(slot, terminatedAtNanos);
    }

    /**
     * A Fargate task started pulling its image (billing starts, section 1.2); returns a handle for
     * {@link #fargateStopped}.
     *
     * @param ephemeralGiB configured ephemeral storage, GiB (20 is the included default, section 1.5); only the
     *                     part above 20 is billed
     * @throws IllegalArgumentException if a size is not positive, ephemeral storage is negative or a time negative
     * @throws IllegalStateException    if {@value #MAX_OPEN} resources are already open
     */
    public int fargateStarted(Architecture arch, boolean spot, int cpuUnits, int memoryMiB, int ephemeralGiB,
            String owner, long pullStartNanos) {
        Objects.requireNonNull(arch, "arch");
        if (cpuUnits <= 0 || memoryMiB <= 0 || ephemeralGiB < 0) {
            throw new IllegalArgumentException("fargateStarted: expected cpuUnits > 0, memoryMiB > 0 and "
                    + "ephemeralGiB >= 0, found cpuUnits " + cpuUnits + ", memoryMiB " + memoryMiB
                    + ", ephemeralGiB " + ephemeralGiB);
        }
        requireStart("fargateStarted", "pullStartNanos", pullStartNanos);
        int k = (arch == Architecture.ARM64 ? 2 : 0) + (spot ? 1 : 0);
        if (fargateKeyIds[k] == FREE) {
            String archName = arch == Architecture.ARM64 ? "arm64" : "x86_64";
            fargateKeyIds[k] = newKey(UsageType.FARGATE_VCPU, archName + (spot ? "/spot" : "/on-demand"));
        }
        int base = account(fargateKeyIds[k], owner);
        int slot = allocateSlot(base, pullStartNanos);
        int extraGiB = Math.max(0, ephemeralGiB - FARGATE_INCLUDED_EPHEMERAL_GIB);
        slotCpu[slot] = cpuUnits;
        slotMemory[slot] = memoryMiB;
        slotEphemeral[slot] = extraGiB;
        addOpen(base, cpuUnits, pullStartNanos);
        addOpen(base + 1, memoryMiB, pullStartNanos);
        if (extraGiB > 0) {
            addOpen(base + 2, extraGiB, pullStartNanos);
        }
        return handle(slot);
    }

    /**
     * Fargate: duration rounded up to the second, 1-minute minimum; ephemeral storage above 20 GB.
     *
     * @throws IllegalStateException    if the handle is not an open Fargate task (closed, stale or an EC2 instance)
     * @throws IllegalArgumentException if {@code stoppedAtNanos} is before the pull start
     */
    public void fargateStopped(int handle, long stoppedAtNanos) {
        int slot = openSlot(handle, "fargateStopped");
        if (accountType[slotAccount[slot]] != UsageType.FARGATE_VCPU) {
            throw new IllegalStateException("fargateStopped: handle " + handle + " is an EC2 instance, not a Fargate "
                    + "task; use ec2Terminated");
        }
        closeFargate(slot, stoppedAtNanos);
    }

    /**
     * ECR storage of one image of {@code bytes} over [fromNanos, toNanos): byte-seconds, the duration rounded up to
     * the second (no minimum).
     *
     * @throws IllegalArgumentException if bytes or a time is negative, or {@code toNanos < fromNanos}
     * @throws ArithmeticException      if the record's byte-seconds would exceed {@link Long#MAX_VALUE}
     */
    public void ecrStorage(String repository, long bytes, String owner, long fromNanos, long toNanos) {
        requireName("repository", repository);
        if (bytes < 0) {
            throw new IllegalArgumentException("ecrStorage: expected bytes >= 0, found " + bytes);
        }
        long seconds = intervalSeconds("ecrStorage", fromNanos, toNanos);
        Integer id = ecrKeyIds.get(repository);
        if (id == null) {
            id = newKey(UsageType.ECR_STORAGE, repository);
            ecrKeyIds.put(repository, id);
        }
        int account = account(id, owner);
        addClosed(account, multiply(bytes, seconds, account));
    }

    /**
     * EKS control plane of one cluster over [fromNanos, toNanos) (no minimum; billed per second here).
     *
     * @throws IllegalArgumentException if a time is negative or {@code toNanos < fromNanos}
     */
    public void eksControlPlane(String owner, long fromNanos, long toNanos) {
        long seconds = intervalSeconds("eksControlPlane", fromNanos, toNanos);
        if (eksKeyId == FREE) {
            eksKeyId = newKey(UsageType.EKS_CONTROL_PLANE, EKS_STANDARD_KEY);
        }
        addClosed(account(eksKeyId, owner), seconds);
    }

    /**
     * Closes every open resource at {@code endNanos} with its billing rules (resources running at the end), in
     * slot order.
     *
     * @throws IllegalArgumentException if {@code endNanos} is before an open resource's start
     */
    public void closeAll(long endNanos) {
        for (int slot = 0; slot < slotHighWater; slot++) {
            int account = slotAccount[slot];
            if (account == FREE) {
                continue;
            }
            if (accountType[account] == UsageType.EC2_INSTANCE_SECONDS) {
                closeEc2(slot, endNanos);
            } else {
                closeFargate(slot, endNanos);
            }
        }
    }

    /** Resources (EC2 instances and Fargate tasks) open now. */
    public int openResources() {
        return open;
    }

    /** Usage so far, sorted by (type, key, owner). After {@link #closeAll} this is the run's final usage. */
    public List<UsageRecord> records() {
        List<UsageRecord> out = new ArrayList<>();
        for (int a : sortedAccounts()) {
            if (closedResources[a] > 0) {
                out.add(new UsageRecord(accountType[a], accountKey[a], accountOwner[a], closedQuantity[a],
                        closedResources[a]));
            }
        }
        return out;
    }

    /**
     * Usage accrued up to {@code nowNanos}: closed resources as billed, open ones for their elapsed time
     * (minimums not yet applied). O(number of keys), not O(resources): called once per simulated minute.
     *
     * <p>Per (type, key, owner): {@code quantity = closed + floor(sum over open of size * (now - start) / 1e9)},
     * exact (see the class comment); {@code resources} counts closed and open resources.
     *
     * @throws IllegalArgumentException if {@code nowNanos} is before a time the ledger has already seen
     * @throws ArithmeticException      if a quantity exceeds {@link Long#MAX_VALUE}
     */
    public List<UsageRecord> accruedAt(long nowNanos) {
        if (nowNanos < latestNanos) {
            throw new IllegalArgumentException("accruedAt: nowNanos " + nowNanos + " is before the latest time the "
                    + "ledger has seen (" + latestNanos + "); simulated time only moves forward");
        }
        List<UsageRecord> out = new ArrayList<>();
        BigInteger now = null;
        for (int a : sortedAccounts()) {
            long resources = closedResources[a] + openCount[a];
            if (resources == 0) {
                continue;
            }
            long quantity = closedQuantity[a];
            if (openCount[a] > 0) {
                if (now == null) {
                    now = BigInteger.valueOf(nowNanos);
                }
                BigInteger weighted = BigInteger.valueOf(openWeightedStartHi[a]).shiftLeft(64)
                        .add(unsigned(openWeightedStartLo[a]));
                BigInteger elapsedSeconds = BigInteger.valueOf(openSizeSum[a]).multiply(now).subtract(weighted)
                        .divide(NANOS_PER_SECOND_BIG);
                if (elapsedSeconds.bitLength() > 63) {
                    throw overflow(a);
                }
                quantity = add(quantity, elapsedSeconds.longValue(), a);
            }
            out.add(new UsageRecord(accountType[a], accountKey[a], accountOwner[a], quantity, resources));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ closing

    private void closeEc2(int slot, long endNanos) {
        int account = slotAccount[slot];
        long start = slotStart[slot];
        long seconds = billedSeconds("ec2Terminated", start, endNanos, EC2_MINIMUM_SECONDS);
        removeOpen(account, 1, start);
        addClosed(account, seconds);
        freeSlot(slot, endNanos);
    }

    private void closeFargate(int slot, long endNanos) {
        int base = slotAccount[slot];
        long start = slotStart[slot];
        long seconds = billedSeconds("fargateStopped", start, endNanos, FARGATE_MINIMUM_SECONDS);
        int cpu = slotCpu[slot];
        int memory = slotMemory[slot];
        int extraGiB = slotEphemeral[slot];
        // Compute every new total before changing state, so an overflow leaves the ledger as it was.
        long cpuTotal = add(closedQuantity[base], multiply(cpu, seconds, base), base);
        long memoryTotal = add(closedQuantity[base + 1], multiply(memory, seconds, base + 1), base + 1);
        long storageTotal = add(closedQuantity[base + 2], multiply(extraGiB, seconds, base + 2), base + 2);
        removeOpen(base, cpu, start);
        removeOpen(base + 1, memory, start);
        closedQuantity[base] = cpuTotal;
        closedQuantity[base + 1] = memoryTotal;
        closedResources[base]++;
        closedResources[base + 1]++;
        if (extraGiB > 0) {
            removeOpen(base + 2, extraGiB, start);
            closedQuantity[base + 2] = storageTotal;
            closedResources[base + 2]++;
        }
        freeSlot(slot, endNanos);
    }

    /** {@code max(minimum, ceil((end - start) / 1e9))}: the per-resource rule of EC2 and Fargate. */
    private static long billedSeconds(String operation, long start, long end, long minimum) {
        if (end < start) {
            throw new IllegalArgumentException(operation + ": end time " + end + " ns is before the start time "
                    + start + " ns");
        }
        return Math.max(minimum, ceilSeconds(end - start));
    }

    private long intervalSeconds(String operation, long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(operation + ": expected 0 <= fromNanos <= toNanos, found fromNanos "
                    + from + ", toNanos " + to);
        }
        return ceilSeconds(to - from);
    }

    static long ceilSeconds(long nanos) {
        return nanos / NANOS_PER_SECOND + (nanos % NANOS_PER_SECOND == 0 ? 0 : 1);
    }

    private void addClosed(int account, long quantity) {
        closedQuantity[account] = add(closedQuantity[account], quantity, account);
        closedResources[account]++;
    }

    // ------------------------------------------------------------------------------------------ open sums

    private void addOpen(int account, long size, long start) {
        openCount[account]++;
        openSizeSum[account] += size;
        long lo = size * start;
        long hi = Math.multiplyHigh(size, start); // both operands >= 0: the signed high half is the unsigned one
        long sumLo = openWeightedStartLo[account] + lo;
        long carry = Long.compareUnsigned(sumLo, lo) < 0 ? 1 : 0;
        openWeightedStartLo[account] = sumLo;
        openWeightedStartHi[account] += hi + carry;
    }

    private void removeOpen(int account, long size, long start) {
        openCount[account]--;
        openSizeSum[account] -= size;
        long lo = size * start;
        long hi = Math.multiplyHigh(size, start);
        long oldLo = openWeightedStartLo[account];
        long borrow = Long.compareUnsigned(oldLo, lo) < 0 ? 1 : 0;
        openWeightedStartLo[account] = oldLo - lo;
        openWeightedStartHi[account] -= hi + borrow;
    }

    // ------------------------------------------------------------------------------------------------ slots

    private int allocateSlot(int account, long start) {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotHighWater == slotAccount.length) {
                growSlots();
            }
            slot = slotHighWater++;
        }
        slotAccount[slot] = account;
        slotStart[slot] = start;
        latestNanos = Math.max(latestNanos, start);
        open++;
        return slot;
    }

    private void freeSlot(int slot, long endNanos) {
        slotAccount[slot] = FREE;
        slotGeneration[slot]++;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeSlots.length * 2);
        }
        freeSlots[freeCount++] = slot;
        latestNanos = Math.max(latestNanos, endNanos);
        open--;
    }

    private int handle(int slot) {
        return ((slotGeneration[slot] & GENERATION_MASK) << SLOT_BITS) | slot;
    }

    private int openSlot(int handle, String operation) {
        int slot = handle & SLOT_MASK;
        if (handle < 0 || slot >= slotHighWater || slotAccount[slot] == FREE
                || (handle >>> SLOT_BITS) != (slotGeneration[slot] & GENERATION_MASK)) {
            throw new IllegalStateException(operation + ": handle " + handle + " is not an open resource of this "
                    + "ledger (already closed, stale, or never issued)");
        }
        return slot;
    }

    private void growSlots() {
        if (slotAccount.length >= MAX_OPEN) {
            throw new IllegalStateException("UsageLedger: more than " + MAX_OPEN + " resources open at once");
        }
        int n = Math.min(MAX_OPEN, slotAccount.length * 2);
        slotAccount = Arrays.copyOf(slotAccount, n);
        slotStart = Arrays.copyOf(slotStart, n);
        slotCpu = Arrays.copyOf(slotCpu, n);
        slotMemory = Arrays.copyOf(slotMemory, n);
        slotEphemeral = Arrays.copyOf(slotEphemeral, n);
        slotGeneration = Arrays.copyOf(slotGeneration, n);
    }

    // --------------------------------------------------------------------------------------------- accounts

    private int newKey(UsageType baseType, String key) {
        ownersByKey.add(new HashMap<>());
        keyNames.add(key);
        keyBaseTypes.add(baseType);
        return ownersByKey.size() - 1;
    }

    private int account(int keyId, String owner) {
        Integer existing = ownersByKey.get(keyId).get(owner);
        if (existing != null) {
            return existing;
        }
        return newAccount(keyId, owner);
    }

    private int newAccount(int keyId, String owner) {
        requireName("owner", owner);
        UsageType base = keyBaseTypes.get(keyId);
        int count = base == UsageType.FARGATE_VCPU ? 3 : 1;
        if (accounts + count > accountType.length) {
            growAccounts(Math.max(accountType.length * 2, accounts + count));
        }
        int first = accounts;
        for (int i = 0; i < count; i++) {
            accountType[first + i] = count == 1 ? base : UsageType.values()[UsageType.FARGATE_VCPU.ordinal() + i];
            accountKey[first + i] = keyNames.get(keyId);
            accountOwner[first + i] = owner;
        }
        accounts += count;
        ownersByKey.get(keyId).put(owner, first);
        return first;
    }

    private void growAccounts(int n) {
        accountType = Arrays.copyOf(accountType, n);
        accountKey = Arrays.copyOf(accountKey, n);
        accountOwner = Arrays.copyOf(accountOwner, n);
        closedQuantity = Arrays.copyOf(closedQuantity, n);
        closedResources = Arrays.copyOf(closedResources, n);
        openCount = Arrays.copyOf(openCount, n);
        openSizeSum = Arrays.copyOf(openSizeSum, n);
        openWeightedStartHi = Arrays.copyOf(openWeightedStartHi, n);
        openWeightedStartLo = Arrays.copyOf(openWeightedStartLo, n);
    }

    /** Account ids ordered by (type, key, owner); re-sorted only when accounts were added (they never go away). */
    private int[] sortedAccounts() {
        if (sortedAccounts.length != accounts) {
            Integer[] ids = new Integer[accounts];
            for (int i = 0; i < accounts; i++) {
                ids[i] = i;
            }
            Arrays.sort(ids, Comparator.<Integer, UsageType>comparing(a -> accountType[a])
                    .thenComparing(a -> accountKey[a])
                    .thenComparing(a -> accountOwner[a]));
            sortedAccounts = Arrays.stream(ids).mapToInt(Integer::intValue).toArray();
        }
        return sortedAccounts;
    }

    private static BigInteger unsigned(long value) {
        BigInteger low = BigInteger.valueOf(value & Long.MAX_VALUE);
        return value < 0 ? low.setBit(63) : low;
    }

    // ----------------------------------------------------------------------------------------- validation

    private void requireStart(String operation, String name, long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException(operation + ": expected " + name + " >= 0 (nanoseconds since scenario "
                    + "start), found " + nanos);
        }
    }

    private static void requireName(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("expected a non-blank " + what + ", found \"" + value + "\"");
        }
    }

    private long add(long a, long b, int account) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            throw overflow(account);
        }
        return r;
    }

    private long multiply(long a, long b, int account) {
        long lo = a * b;
        if (Math.multiplyHigh(a, b) != (lo >> 63)) { // the 128-bit product is not a sign-extended long
            throw overflow(account);
        }
        return lo;
    }

    private ArithmeticException overflow(int account) {
        return new ArithmeticException("usage quantity of " + accountType[account] + " '" + accountKey[account]
                + "' owner '" + accountOwner[account] + "' exceeds " + Long.MAX_VALUE + " base units");
    }
}
