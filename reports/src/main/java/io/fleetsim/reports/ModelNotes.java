package io.fleetsim.reports;

import java.util.List;

/**
 * The model's assumptions, stated in every report (the {@code notes} of report.json, the last section of
 * summary.md) so that a number is never read without what it rests on. Each note names its source; the facts are
 * copied from the project's platform fact sheet (platform-semantics.md), section given per note.
 */
final class ModelNotes {

    static final List<String> NOTES = List.of(
            // DESIGN.md principle 4: usage is metered as integers, priced at the end with BigDecimal.
            "Costs are metered usage quantities times price-book prices, in exact decimal arithmetic (USD); "
                    + "figures shown in cents are rounded half-up.",
            // RunResult.projectionFactor = 30 days / simulated duration.
            "30-day projection is linear extrapolation of the simulated period: total cost x (30 days / simulated "
                    + "duration); it assumes the simulated period repeats unchanged.",
            // platform-semantics.md 1.2 and 1.5, from https://aws.amazon.com/fargate/pricing/
            "Fargate is billed on requested vCPU and memory from the start of the image pull until the task stops, "
                    + "per second with a 1-minute minimum; ephemeral storage only above the included 20 GB "
                    + "(AWS Fargate pricing page).",
            // platform-semantics.md 2.1, from the AWS announcement of EC2 per-second billing (2017-10).
            "EC2 Linux instances are billed per second with a 60-second minimum each time an instance enters the "
                    + "running state (AWS EC2 per-second billing announcement).",
            // platform-semantics.md 1.4: "up to a 70% discount"; the Spot price "adjust[s] gradually".
            "Fargate Spot is priced at a fixed discount off the Fargate on-demand price (default 70%, the "
                    + "'up to 70%' of the Fargate pricing page); the real Fargate Spot price is set by AWS and moves.",
            // platform-semantics.md 2.5: AWS publishes interruption bands and savings, no fixed Spot price.
            "EC2 Spot discount is an assumption: AWS publishes no fixed Spot price (it moves with supply and "
                    + "demand), so Spot instances are priced at a fixed discount off On-Demand, taken from the "
                    + "scenario's pricing.ec2SpotDiscount or the catalog default.",
            // platform-semantics.md 4: ECR storage price is [secondary], not checked against the ECR pricing page.
            "ECR private repository storage is priced per GB-month of stored image size; that price comes from "
                    + "secondary sources, not the ECR pricing page.",
            // UsageType lists every metered kind; anything else is outside the model.
            "Not included: data transfer, NAT gateway processing, load balancers, EBS volumes, public IPv4 "
                    + "addresses, CloudWatch, Savings Plans and Reserved Instance discounts, taxes.",
            // platform-semantics.md 5.5, ECS cloudwatch-metrics.md: CPUReservation definition.
            "CPU and memory reservation are ECS cluster CPUReservation and MemoryReservation: units reserved by "
                    + "tasks over units registered by container instances (Fargate tasks are not counted); the mean "
                    + "is over minutes with at least one instance.");

    private ModelNotes() {
    }
}
