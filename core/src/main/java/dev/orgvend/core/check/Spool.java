package dev.orgvend.core.check;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A report file whose body is written while the sweep runs and whose head (which needs the
 * totals) is written at the end. The body goes to a temporary file beside the target; {@link
 * #commit} puts head, body and tail together and moves the result over the target in one step,
 * so readers never see half a report.
 */
final class Spool implements AutoCloseable {
  private final Path target;
  private final Path body;
  private final Writer writer;

  Spool(Path target) {
    this.target = target.toAbsolutePath();
    try {
      Files.createDirectories(this.target.getParent());
      this.body = Files.createTempFile(this.target.getParent(), "." + target.getFileName(),
          ".part");
      this.writer = Files.newBufferedWriter(body, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  void write(String text) {
    try {
      writer.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  void commit(String head, String tail) {
    Path whole = null;
    try {
      writer.close();
      whole = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".new");
      try (OutputStream out = Files.newOutputStream(whole)) {
        out.write(head.getBytes(StandardCharsets.UTF_8));
        Files.copy(body, out);
        out.write(tail.getBytes(StandardCharsets.UTF_8));
      }
      try {
        Files.move(whole, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(whole, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(whole);
    }
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException ignored) {
      // the body is deleted anyway
    }
    deleteQuietly(body);
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover temporary file is harmless
      }
    }
  }
}
