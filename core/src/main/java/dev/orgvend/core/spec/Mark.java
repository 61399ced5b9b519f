package dev.orgvend.core.spec;

/** A 1-based position in the spec file; {@link #NONE} for the file as a whole. */
record Mark(int line, int column) {
  static final Mark NONE = new Mark(0, 0);

  /** "line 5, column 3", for messages that point at a second place. */
  String describe() {
    return "line " + line + ", column " + column;
  }
}
