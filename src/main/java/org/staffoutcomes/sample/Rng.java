package org.staffoutcomes.sample;

import java.util.SplittableRandom;

/**
 * A seeded random stream. Each part of the generator draws from its own named stream, so a change
 * in how one dataset is drawn leaves the others' numbers as they were. Only algorithms specified
 * by the JDK ({@link SplittableRandom#nextDouble()}, {@link String#hashCode()}) and our own normal
 * sampler are used, so the same seed gives the same numbers on any JVM.
 */
final class Rng {

  private final SplittableRandom random;
  private double spare;
  private boolean hasSpare;

  private Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The stream called {@code label} of the run seeded with {@code seed}. */
  static Rng stream(long seed, String label) {
    long h = seed ^ (label.hashCode() * 0x9E3779B97F4A7C15L);
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return new Rng(h ^ (h >>> 31));
  }

  /** Uniform in [0, 1). */
  double uniform() {
    return random.nextDouble();
  }

  /** Uniform in [lo, hi). */
  double uniform(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  /** Uniform integer in [lo, hi] (both inclusive). */
  int intBetween(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  /** True with probability {@code p}. */
  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** Standard normal (Marsaglia polar method). */
  double gaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * random.nextDouble() - 1;
      v = 2 * random.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double m = Math.sqrt(-2 * Math.log(s) / s);
    spare = v * m;
    hasSpare = true;
    return u * m;
  }

  /** Normal with the given mean and standard deviation. */
  double gaussian(double mean, double sd) {
    return mean + sd * gaussian();
  }

  /** One element of {@code items}, uniformly. */
  <T> T pick(java.util.List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
