package dev.orgvend.core.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Where and as whom orgvend talks to AWS, resolved once from flags, environment and defaults.
 *
 * @param region the region for regional services (STS, baselines); Organizations is global
 * @param endpoint an AWS-compatible endpoint for every service, or null for AWS itself
 * @param profile a named profile for the default credential chain, or null
 * @param credentials explicit credentials (the embedded sandbox's), or null for the default chain
 */
public record AwsTarget(String region, URI endpoint, String profile,
    AwsCredentialsProvider credentials) {}
