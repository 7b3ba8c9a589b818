package io.fleetsim.scenario.model;

import java.math.BigDecimal;

/**
 * Price-book adjustments a scenario may set.
 *
 * @param fargateSpotDiscount fraction off the Fargate on-demand price for Fargate Spot; default 0.70
 *                            ("up to a 70% discount", platform-semantics.md section 1.4)
 * @param ec2SpotDiscount     fraction off the EC2 on-demand price for Spot instances; AWS publishes no fixed
 *                            number (prices move), so this is an assumption the user should set; default in catalog
 */
public record PricingSpec(BigDecimal fargateSpotDiscount, BigDecimal ec2SpotDiscount) {
}
