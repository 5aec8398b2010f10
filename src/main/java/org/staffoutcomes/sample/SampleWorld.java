package org.staffoutcomes.sample;

import java.util.List;

/**
 * Everything drawn before the files are written: the organisations and their mergers, which
 * organisation-years appear where, and the latent model. The writers turn it into files.
 */
record SampleWorld(
    SampleOptions options, List<Organisation> organisations, Successions successions,
    Coverage coverage, LatentModel latent) {

  /** A named random stream of this run. */
  Rng stream(String label) {
    return Rng.stream(options.seed(), label);
  }

  /** The planted value of the outcome for the organisation in the year (before publication). */
  double outcome(OutcomeSpec spec, Organisation org, int year) {
    return spec.value(org.group(), year, latent.outcome(spec, org, year));
  }
}
