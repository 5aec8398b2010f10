package org.staffoutcomes.schema;

/**
 * The years a catalog's data may fall in, inclusive: a row whose period starts in another year
 * stops the run from publishing (catalog key {@code years: {from: 2012, to: 2026}}).
 *
 * @param from first year allowed
 * @param to last year allowed, not before {@code from}
 */
public record YearRange(Integer from, Integer to) implements java.io.Serializable {

  public boolean contains(int year) {
    return year >= from && year <= to;
  }

  /** "2012-2026". */
  public String describe() {
    return from + "-" + to;
  }
}
