package org.staffoutcomes.config;

/**
 * A short, escaped excerpt of text for an error message: errors name a file and at most a little
 * of the offending line, never a file's content (a catalog entry naming {@code /etc/passwd} must
 * not print it).
 */
public final class Excerpt {

  /** The longest excerpt of a file's text an error message quotes. */
  public static final int SHORT = 40;

  private Excerpt() {}

  /**
   * {@code text} on one line: control characters escaped ({@code \n}, {@code \t}, {@code \r},
   * else {@code \}{@code uXXXX}); longer than {@code max} characters, cut there with
   * "... (N chars)" saying how long it was.
   */
  public static String of(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    int i = 0;
    for (; i < text.length() && b.length() < max; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return i < text.length() ? b + "... (" + text.length() + " chars)" : b.toString();
  }
}
