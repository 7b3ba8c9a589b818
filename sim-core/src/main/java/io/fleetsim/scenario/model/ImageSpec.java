package io.fleetsim.scenario.model;

/**
 * A container image in an ECR private repository.
 *
 * @param repository ECR repository name, e.g. {@code api}
 * @param tag        image tag, default {@code latest}
 * @param sizeBytes  compressed image size as stored in ECR and transferred on pull
 */
public record ImageSpec(String repository, String tag, long sizeBytes) {

    /** Identity of the image for caching and ECR storage: repository and tag. */
    public String key() {
        return repository + ":" + tag;
    }
}
