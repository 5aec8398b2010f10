package org.staffoutcomes.panel;

import java.util.Comparator;

/**
 * A panel key: an organisation code (null when a row has none) and a survey year.
 *
 * <p>{@link #ORDER}: by code (a missing code first; codes compared by their characters' code
 * points, which is the order of their UTF-8 bytes), then year.
 */
record OrgYear(String org, int year) {

  static final Comparator<String> CODE_ORDER = Comparator.nullsFirst(OrgYear::compareCodePoints);

  static final Comparator<OrgYear> ORDER = Comparator.comparing(OrgYear::org, CODE_ORDER)
      .thenComparingInt(OrgYear::year);

  static int compareCodePoints(String a, String b) {
    return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }
}
