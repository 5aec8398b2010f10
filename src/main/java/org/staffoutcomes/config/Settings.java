package org.staffoutcomes.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository's {@code data-schemas/} folder is: the {@code staffoutcomes.schemas}
 * system property (set by {@code jobs/staff-outcomes}), else the environment variable
 * {@code STAFF_OUTCOMES_SCHEMAS}, else {@code ./data-schemas}. Catalogs not found there are
 * looked up inside the jar.
 */
public final class Settings {

  public static final String SCHEMAS_PROPERTY = "staffoutcomes.schemas";
  public static final String SCHEMAS_ENV = "STAFF_OUTCOMES_SCHEMAS";

  private Settings() {}

  public static Path schemasHome() {
    String p = System.getProperty(SCHEMAS_PROPERTY);
    if (p == null || p.isBlank()) {
      p = System.getenv(SCHEMAS_ENV);
    }
    Path home = Path.of(p == null || p.isBlank() ? "data-schemas" : p);
    return Files.isDirectory(home) ? home : Path.of("data-schemas");
  }

  /** System property: datasets whose files add up to at most this many bytes are parsed in the driver. */
  public static final String DRIVER_PARSE_BYTES_PROPERTY = "staffoutcomes.driverParseBytes";

  /**
   * {@value #DRIVER_PARSE_BYTES_PROPERTY}, default 32 MB: every trust-level file, and respondent
   * microdata up to about 240,000 respondents (the sample's 140,000 take 19 MB; a sample run with
   * 33 MB of them parsed and scored in the driver peaked at 0.85 GB resident under the default
   * -Xmx1g). National microdata (about 390 MB) go to Spark, so what the driver holds is bounded
   * by this size, not by the number of respondents.
   */
  public static long driverParseBytes() {
    String v = System.getProperty(DRIVER_PARSE_BYTES_PROPERTY);
    return v == null || v.isBlank() ? 32L << 20 : Long.parseLong(v.strip());
  }

  /** System property: how many datasets an ingest reads at once. */
  public static final String INGEST_THREADS_PROPERTY = "staffoutcomes.ingestThreads";

  /**
   * {@value #INGEST_THREADS_PROPERTY}, default the number of cores: small datasets are parsed and
   * written by plain Java on one thread each, so reading two at once uses a second core.
   */
  public static int ingestThreads() {
    String v = System.getProperty(INGEST_THREADS_PROPERTY);
    return v == null || v.isBlank() ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(v.strip());
  }

  /** The project version from the jar manifest, or "dev" when run from classes. */
  public static String projectVersion() {
    String v = Settings.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
