package org.staffoutcomes.schema;

/**
 * A descriptor's {@code publish_checks}: what this dataset's rows must look like for a run to
 * publish its bundle.
 *
 * @param notEmpty a run in which the dataset keeps no rows does not publish; default true for the
 *     organisations reference, false for any other dataset
 * @param keepYears a run in which a year that had rows in the published bundle (or, for a
 *     dataset without periods, the dataset) has none does not publish; default true
 */
public record PublishChecksSpec(Boolean notEmpty, Boolean keepYears) implements java.io.Serializable {

  /** Every key at its default. */
  public static PublishChecksSpec defaults() {
    return new PublishChecksSpec(null, null);
  }

  /** Whether the dataset must keep rows, given its role when not declared. */
  public boolean notEmpty(Role role) {
    return notEmpty != null ? notEmpty : role == Role.ORGANISATIONS;
  }

  public PublishChecksSpec {
    keepYears = keepYears == null || keepYears;
  }
}
