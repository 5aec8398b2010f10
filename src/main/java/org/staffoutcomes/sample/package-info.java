/**
 * A deterministic generator of a synthetic national "landing area" (NHS Staff Survey results and
 * trust outcomes) with known, planted staff-outcome correlations, for demonstrating and testing
 * the pipeline. Entry point: {@link org.staffoutcomes.sample.SampleGenerator}; the statistical
 * model is described in {@link org.staffoutcomes.sample.LatentModel} and {@link
 * org.staffoutcomes.sample.Calibration}, the effects planted for regression models in {@link
 * org.staffoutcomes.sample.PlantedEffects}. Plain Java: no Spark.
 */
package org.staffoutcomes.sample;
