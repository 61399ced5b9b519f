package dev.orgvend.core.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Files orgvend reads as input (a spec, a saved plan, a journal) must be regular files. Opening a
 * named pipe blocks until someone writes to it, a device can be endless, and a directory or socket
 * cannot be read: each would hang orgvend or fail obscurely, so they are refused before they are
 * opened, with a message that says what the path is. Symbolic links are followed: a link to a
 * regular file is fine.
 */
public final class InputFiles {
  private InputFiles() {}

  /**
   * Why {@code file} cannot be read as input, as {@code "is a named pipe (FIFO), not a regular
   * file"}; null when it is a regular file or does not exist (the caller reports a missing file
   * in its own words).
   */
  public static String notRegular(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return null; // unreadable: opening it reports why
    }
    if (attributes.isRegularFile()) {
      return null;
    }
    return "is " + (attributes.isDirectory() ? "a directory" : kind(file))
        + ", not a regular file";
  }

  /** What a special file is, from its Unix mode where the platform reports one. */
  private static String kind(Path file) {
    try {
      int mode = (Integer) Files.getAttribute(file, "unix:mode");
      return switch (mode & 0170000) {
        case 0010000 -> "a named pipe (FIFO)";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }
}
