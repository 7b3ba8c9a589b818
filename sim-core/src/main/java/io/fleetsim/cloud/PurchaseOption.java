package io.fleetsim.cloud;

/** How EC2 capacity is bought. */
public enum PurchaseOption { ON_DEMAND, SPOT }
