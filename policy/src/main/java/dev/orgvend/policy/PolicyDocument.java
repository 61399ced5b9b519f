package dev.orgvend.policy;

import java.util.List;

/**
 * A policy document that passed the SCP grammar.
 *
 * @param source where it came from (a file name, or a policy name), for messages
 * @param text the document exactly as given
 * @param version the {@code Version} value
 * @param statements the statements in document order
 */
public record PolicyDocument(String source, String text, String version,
    List<Statement> statements) {

  /** The only version with policy variables; with any other, {@code ${…}} is literal text. */
  public static final String CURRENT_VERSION = "2012-10-17";

  public PolicyDocument {
    statements = List.copyOf(statements);
  }

  /** True when {@code ${…}} in this policy is a policy variable rather than literal text. */
  public boolean supportsVariables() {
    return CURRENT_VERSION.equals(version);
  }

  /** Characters as AWS counts them against the size limit: every one, whitespace included. */
  public int size() {
    return text.codePointCount(0, text.length());
  }
}
