package dev.orgvend.core.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The files {@code orgvend init} writes: a commented starter spec and the JSON Schema that lets
 * editors (via yaml-language-server's modeline) complete and check it. The starter names the
 * schema by the relative path {@link #SCHEMA_FILE_NAME}, so the two belong side by side.
 */
public final class SpecTemplate {
  public static final String SPEC_FILE_NAME = "orgvend.yaml";
  public static final String SCHEMA_FILE_NAME = "orgvend.schema.json";

  private static final String TEMPLATE_RESOURCE = "/orgvend.template.yaml";
  private static final String SCHEMA_RESOURCE = "/" + SCHEMA_FILE_NAME;

  private SpecTemplate() {}

  /** The starter {@code orgvend.yaml}; it passes {@link SpecLoader}'s checks as it is. */
  public static String text() {
    return resource(TEMPLATE_RESOURCE);
  }

  /** The JSON Schema (draft 2020-12) describing {@code orgvend.yaml}. */
  public static String schema() {
    return resource(SCHEMA_RESOURCE);
  }

  private static String resource(String name) {
    try (InputStream in = SpecTemplate.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name + " in the orgvend jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
