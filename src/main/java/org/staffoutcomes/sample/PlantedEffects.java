package org.staffoutcomes.sample;

/**
 * The effects planted for regression models on top of the pooled correlations: SHMI's
 * prior-outcome effect ({@link PriorOutcomeEffect}) and sickness absence's within-trust effect
 * ({@link WithinTrustEffect}). These two outcomes take their values from here instead of {@link
 * LatentModel} (whose draws for them go unused, so every other dataset is as it was).
 */
record PlantedEffects(PriorOutcomeEffect prior, WithinTrustEffect within) {

  static PlantedEffects fit(SampleWorld world) {
    return new PlantedEffects(PriorOutcomeEffect.fit(world), WithinTrustEffect.fit(world));
  }

  /** Whether the outcome's values come from here. */
  static boolean plants(OutcomeSpec spec) {
    return spec == PriorOutcomeEffect.SPEC || spec == WithinTrustEffect.SPEC;
  }

  /** The outcome the organisation shows in the year (an outcome {@link #plants}). */
  double value(OutcomeSpec spec, Organisation org, int year) {
    return spec == PriorOutcomeEffect.SPEC ? prior.value(org, year) : within.value(org, year);
  }

  /** Whether the outcome's free coefficients were solved so the sample shows its targets. */
  boolean fitted(OutcomeSpec spec) {
    return spec == PriorOutcomeEffect.SPEC ? prior.fitted() : within.fitted();
  }
}
