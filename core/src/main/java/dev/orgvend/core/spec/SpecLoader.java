package dev.orgvend.core.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and checks an {@code orgvend.yaml}. Whatever the input, the answer is a {@link
 * SpecResult}: a {@link Spec} that passed every check, or every problem found, each with file,
 * line, column and field path. It never throws for bad input.
 *
 * <pre>{@code
 * SpecResult result = SpecLoader.create().load(Path.of("orgvend.yaml"));
 * if (result instanceof SpecResult.Invalid invalid) {
 *   invalid.problems().forEach(System.err::println); // orgvend.yaml:12:10: accounts[3].email: ...
 * }
 * }</pre>
 */
public final class SpecLoader {
  /** Larger files are refused unread; a real spec is a few kilobytes. */
  public static final int MAX_BYTES = 1 << 20;

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final YamlReader reader = new YamlReader(MAX_BYTES);
  private final BaselineValidator baselines;

  private SpecLoader(BaselineValidator baselines) {
    this.baselines = baselines;
  }

  /** A loader that takes baseline components as opaque settings. */
  public static SpecLoader create() {
    return new SpecLoader(BaselineValidator.ANY);
  }

  /** A loader that also checks baseline component names and settings with {@code baselines}. */
  public static SpecLoader create(BaselineValidator baselines) {
    return new SpecLoader(baselines);
  }

  /** Loads a file; problems name it as {@code file} was written. */
  public SpecResult load(Path file) {
    String name = file.toString();
    String special = InputFiles.notRegular(file);
    if (special != null) {
      return invalid(name, special + "; a spec must be a regular file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      return invalid(name, "no such file; run orgvend init to create one");
    } catch (IOException e) {
      return invalid(name, "cannot read the file: " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      return tooLarge(name);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return invalid(name, "the file is not UTF-8 text");
    }
    return parse(name, text);
  }

  /** Checks spec text that did not come from a file; {@code fileName} labels the problems. */
  public SpecResult parse(String fileName, String yaml) {
    if (utf8Length(yaml) > MAX_BYTES) {
      return tooLarge(fileName);
    }
    String text = !yaml.isEmpty() && yaml.charAt(0) == BYTE_ORDER_MARK ? yaml.substring(1) : yaml;
    Problems problems = new Problems(fileName);
    Node root = reader.read(text, problems);
    Spec spec = root == null ? null : new SpecBinder(problems, baselines).bind(root);
    if (spec == null || !problems.isEmpty()) {
      return new SpecResult.Invalid(problems.sorted());
    }
    return new SpecResult.Valid(spec);
  }

  private static SpecResult tooLarge(String file) {
    return invalid(file, "the file is larger than " + MAX_BYTES + " bytes (1 MiB); "
        + "orgvend refuses to read it");
  }

  private static SpecResult invalid(String file, String message) {
    Problems problems = new Problems(file);
    problems.add(Mark.NONE, "", message);
    return new SpecResult.Invalid(problems.sorted());
  }

  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
