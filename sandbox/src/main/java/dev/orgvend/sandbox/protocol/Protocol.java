package dev.orgvend.sandbox.protocol;

/**
 * The AWS wire protocols the sandbox speaks. Each has one router (how a request names its
 * operation) and one renderer (how answers and errors look), and AWS spells authentication
 * failures per protocol. A new protocol (restXml for S3, ec2Query for EC2) is a constant here;
 * the exhaustive switches over this enum then show every place that must learn it.
 */
public enum Protocol {
  /** awsJson 1.0: {@code X-Amz-Target} names the operation (CloudWatch's JSON side). */
  AWS_JSON_1_0("application/x-amz-json-1.0"),
  /** awsJson 1.1: {@code X-Amz-Target} names the operation (Organizations). */
  AWS_JSON_1_1("application/x-amz-json-1.1"),
  /** restJson1: the method and path name the operation (Account). */
  REST_JSON_1("application/json"),
  /** awsQuery: {@code Action} and {@code Version} in a form body; answers are XML. */
  AWS_QUERY("text/xml");

  private final String contentType;

  Protocol(String contentType) {
    this.contentType = contentType;
  }

  /** The Content-Type of this protocol's answers. */
  public String contentType() {
    return contentType;
  }
}
