package org.staffoutcomes.bundle;

import java.util.Objects;

/**
 * Where a number of a trust page comes from: a line of a bundle CSV. The page links the number to
 * {@code ../data/<file>#row=<line>&col=<column>}: line {@code line} of {@code data/<file>} (line 1
 * is the header; no cell of these files spans lines), column {@code column}. A column written
 * {@code a-b} is the difference of the row's columns {@code a} and {@code b}.
 *
 * @param file the CSV's name in {@code data/}, e.g. {@code positions.csv}
 * @param line 1-based line number of the row in that file
 */
record RowLink(String file, int line) {

  RowLink {
    Objects.requireNonNull(file, "file");
    if (line < 2) {
      throw new IllegalArgumentException("a data row is on line 2 or later, not " + line + " of " + file);
    }
  }

  /** The line of the row at {@code index} (0-based) of the rows written to {@code file}, after its header. */
  static RowLink of(String file, int index) {
    return new RowLink(file, index + 2);
  }

  /** The link's target from a page in {@code trusts/}, HTML-escaped. */
  String href(String column) {
    return "../" + BundleFolder.DATA + "/" + file + "#row=" + line + "&amp;col=" + column;
  }

  /** {@code text} linked to this row's {@code column}; a missing number is shown unlinked. */
  String html(String column, String text) {
    if (PageNumbers.MISSING.equals(text)) {
      return text;
    }
    return "<a href=\"" + href(column) + "\">" + IndexPage.esc(text) + "</a>";
  }

  /** The value of {@code column}, as {@link PageNumbers#shown} words it, linked to this row. */
  String number(String column, double value) {
    return html(column, PageNumbers.shown(column, value));
  }

  /** As {@link #number}, with a sign when positive. */
  String signed(String column, double value) {
    return html(column, PageNumbers.signed(column, value));
  }
}
