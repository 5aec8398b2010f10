package org.staffoutcomes.sample;

import java.util.List;

/**
 * Everything drawn before the files are written: the organisations, which organisation-years
 * appear where, and the latent model. The writers turn it into files.
 */
record SampleWorld(
    SampleOptions options, List<Organisation> organisations, Coverage coverage,
    LatentModel latent) {

  /** A named random stream of this run. */
  Rng stream(String label) {
    return Rng.stream(options.seed(), label);
  }
}
