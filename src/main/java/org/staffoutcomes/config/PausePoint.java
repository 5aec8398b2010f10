package org.staffoutcomes.config;

/**
 * A test hook for {@code jobs/kill-check}, off unless the system property {@value #PROPERTY}
 * names a point: when a run reaches that point it prints {@code pause-point: <name>} on stderr
 * and sleeps (up to {@value #SLEEP_SECONDS} s, then carries on), so that a script can kill it
 * exactly there. Points:
 *
 * <ul>
 *   <li>{@code ingested:<dataset>}: the dataset's ingest record is written, its scores (survey
 *       datasets) not yet;
 *   <li>{@code swap:<folder>/<table>}, e.g. {@code swap:lake/panel} or {@code
 *       swap:raw/staff_microdata}: the table's old folder is moved aside, the new one not yet in
 *       place;
 *   <li>{@code published}: {@code bundles/latest} points at the new bundle, the render record and
 *       the run record are not written yet.
 * </ul>
 */
public final class PausePoint {

  public static final String PROPERTY = "staffoutcomes.pauseAt";
  static final long SLEEP_SECONDS = 600;

  private PausePoint() {}

  /** Sleeps here when {@value #PROPERTY} names {@code point}; otherwise returns at once. */
  public static void reach(String point) {
    if (!point.equals(System.getProperty(PROPERTY))) {
      return;
    }
    System.err.println("pause-point: " + point);
    System.err.flush();
    try {
      Thread.sleep(SLEEP_SECONDS * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
