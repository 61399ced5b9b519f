package dev.orgvend.testkit.torture;

import dev.orgvend.sandbox.Sandbox;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Where a sandbox answers and the management keys that work there (sandbox-only keys, still
 * never printed: {@link #toString()} leaves the secret out).
 */
public record SandboxAccess(URI endpoint, String accessKeyId, String secretAccessKey) {
  public static SandboxAccess of(Sandbox sandbox) {
    return new SandboxAccess(sandbox.endpoint(), sandbox.managementCredentials().accessKeyId(),
        sandbox.managementCredentials().secretAccessKey());
  }

  StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(accessKeyId, secretAccessKey));
  }

  @Override
  public String toString() {
    return "SandboxAccess[" + endpoint + ", key " + accessKeyId + "]";
  }
}
