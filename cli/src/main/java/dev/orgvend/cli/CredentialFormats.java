package dev.orgvend.cli;

import dev.orgvend.sandbox.SandboxCredentials;

/** Renders sandbox credentials for shells and the AWS CLI's configuration files. */
final class CredentialFormats {
  static final String PROFILE = "orgvend-sandbox";

  private CredentialFormats() {}

  static String env(SandboxCredentials c, String endpoint) {
    return "export AWS_ACCESS_KEY_ID=" + c.accessKeyId() + "\n"
        + "export AWS_SECRET_ACCESS_KEY=" + c.secretAccessKey() + "\n"
        + "export AWS_DEFAULT_REGION=us-east-1\n"
        + "export AWS_ENDPOINT_URL=" + endpoint + "\n";
  }

  static String profile(SandboxCredentials c, String endpoint) {
    return "# ~/.aws/credentials\n"
        + "[" + PROFILE + "]\n"
        + "aws_access_key_id = " + c.accessKeyId() + "\n"
        + "aws_secret_access_key = " + c.secretAccessKey() + "\n"
        + "\n"
        + "# ~/.aws/config\n"
        + "[profile " + PROFILE + "]\n"
        + "region = us-east-1\n"
        + "endpoint_url = " + endpoint + "\n";
  }

  static String json(SandboxCredentials c, String endpoint) {
    return "{\"accessKeyId\":\"" + c.accessKeyId() + "\",\"secretAccessKey\":\""
        + c.secretAccessKey() + "\",\"accountId\":\"" + c.accountId() + "\",\"endpoint\":\""
        + endpoint + "\",\"region\":\"us-east-1\"}\n";
  }
}
