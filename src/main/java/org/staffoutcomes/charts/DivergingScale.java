package org.staffoutcomes.charts;

import java.awt.Color;

/**
 * ColorBrewer RdBu (11 classes), colour-blind safe: -1 dark blue, 0 near white, +1 dark red,
 * linearly interpolated; NaN is a neutral grey that is not on the scale.
 */
final class DivergingScale {

  static final Color MISSING = new Color(0xB4, 0xB4, 0xB4);

  /** From -1 to +1. */
  private static final int[] STOPS = {
    0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7,
    0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F
  };

  private DivergingScale() {}

  static Color colour(double r) {
    if (Double.isNaN(r)) {
      return MISSING;
    }
    double pos = (Math.max(-1, Math.min(1, r)) + 1) / 2 * (STOPS.length - 1);
    int i = Math.min((int) Math.floor(pos), STOPS.length - 2);
    double t = pos - i;
    Color a = new Color(STOPS[i]);
    Color b = new Color(STOPS[i + 1]);
    return new Color(
        mix(a.getRed(), b.getRed(), t), mix(a.getGreen(), b.getGreen(), t),
        mix(a.getBlue(), b.getBlue(), t));
  }

  /** Black or white, whichever reads better on {@code background}. */
  static Color textOn(Color background) {
    double lum = (0.2126 * background.getRed() + 0.7152 * background.getGreen()
        + 0.0722 * background.getBlue()) / 255;
    return lum < 0.5 ? Color.WHITE : Color.BLACK;
  }

  private static int mix(int a, int b, double t) {
    return (int) Math.round(a + (b - a) * t);
  }
}
