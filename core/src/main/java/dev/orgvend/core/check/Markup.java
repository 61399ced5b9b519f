package dev.orgvend.core.check;

import dev.orgvend.core.output.Printable;

/** Escaping for the XML and HTML reports. */
final class Markup {
  private Markup() {}

  /**
   * Text safe inside an element or a quoted attribute. Characters XML 1.0 cannot carry, and any
   * other control or invisible character, are shown as escapes ({@code \x1b}) by {@link
   * Printable#xml}, never dropped: a report must not hide what AWS holds.
   */
  static String escape(String text) {
    return Printable.xml(text);
  }
}
