package org.staffoutcomes.sample;

import java.util.List;

/**
 * Everything drawn before the files are written: the organisations and their mergers, which
 * organisation-years appear where, the latent model, and the effects planted for regression
 * models (null while they are being drawn). The writers turn it into files.
 */
record SampleWorld(
    SampleOptions options, List<Organisation> organisations, Successions successions,
    Coverage coverage, LatentModel latent, PlantedEffects effects) {

  /** A named random stream of this run. */
  Rng stream(String label) {
    return Rng.stream(options.seed(), label);
  }

  /** The planted value of the outcome for the organisation in the year (before publication). */
  double outcome(OutcomeSpec spec, Organisation org, int year) {
    if (PlantedEffects.plants(spec)) {
      return effects.value(spec, org, year);
    }
    return spec.value(org.group(), year, latent.outcome(spec, org, year));
  }

  /** Whether the outcome's coefficients were solved so the sample shows its target correlations. */
  boolean fitted(OutcomeSpec spec) {
    return PlantedEffects.plants(spec) ? effects.fitted(spec) : latent.fitted(spec);
  }
}
