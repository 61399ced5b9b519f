package dev.orgvend.core.spec;

/**
 * One thing wrong with a spec file, located as precisely as the YAML allows.
 *
 * @param file the file name as the user gave it
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 with line 0
 * @param path where in the document, e.g. {@code accounts[3].email}; empty for the document
 * @param message what is wrong, quoting user values safely
 */
public record Problem(String file, int line, int column, String path, String message) {

  /** Renders {@code orgvend.yaml:12:10: accounts[3].email: "foo" is not a valid e-mail address}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line).append(':').append(column);
    }
    out.append(": ");
    if (!path.isEmpty()) {
      out.append(path).append(": ");
    }
    return out.append(message).toString();
  }
}
