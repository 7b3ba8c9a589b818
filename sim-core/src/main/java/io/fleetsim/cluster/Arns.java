package io.fleetsim.cluster;

import io.fleetsim.engine.RandomStream;

/**
 * ARNs and resource ids in the current formats (platform-semantics.md section 5.7, from {@code
 * ecs-account-settings.md}: the long ARN format with the cluster name is the only one since 2021-04-01; task and
 * container-instance ids are 32 hex characters without hyphens). The account id is AWS's documentation example
 * account, {@value #DEFAULT_ACCOUNT}, since a simulation has none.
 */
public final class Arns {

    public static final String DEFAULT_ACCOUNT = "123456789012";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String region;
    private final String account;
    private final RandomStream ids;

    /** @param ids the stream ids are drawn from, so ids are deterministic per seed and disturb no other stream */
    public Arns(String region, String account, RandomStream ids) {
        this.region = region;
        this.account = account;
        this.ids = ids;
    }

    public String cluster(String cluster) {
        return ecs("cluster/" + cluster);
    }

    public String service(String cluster, String service) {
        return ecs("service/" + cluster + "/" + service);
    }

    public String task(String cluster, String taskId) {
        return ecs("task/" + cluster + "/" + taskId);
    }

    public String containerInstance(String cluster, String containerInstanceId) {
        return ecs("container-instance/" + cluster + "/" + containerInstanceId);
    }

    public String taskDefinition(String family, int revision) {
        return ecs("task-definition/" + family + ":" + revision);
    }

    public String capacityProvider(String name) {
        return ecs("capacity-provider/" + name);
    }

    public String ecrRepository(String repository) {
        return "arn:aws:ecr:" + region + ":" + account + ":repository/" + repository;
    }

    public String ec2Instance(String ec2InstanceId) {
        return "arn:aws:ec2:" + region + ":" + account + ":instance/" + ec2InstanceId;
    }

    /** A new task or container-instance id: 32 lowercase hex characters. */
    public String newResourceId() {
        return hex(32);
    }

    /** A new EC2 instance id: {@code i-} and 17 lowercase hex characters. */
    public String newEc2InstanceId() {
        return "i-" + hex(17);
    }

    private String ecs(String resource) {
        return "arn:aws:ecs:" + region + ":" + account + ":" + resource;
    }

    private String hex(int length) {
        char[] out = new char[length];
        long bits = 0;
        for (int i = 0; i < length; i++) {
            if ((i & 15) == 0) {
                bits = ids.nextLong();
            }
            out[i] = HEX[(int) (bits & 15)];
            bits >>>= 4;
        }
        return new String(out);
    }
}
