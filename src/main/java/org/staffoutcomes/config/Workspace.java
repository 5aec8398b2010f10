package org.staffoutcomes.config;

import java.nio.file.Path;

/**
 * The folders of one work directory. Users' scripts rely on {@code bundles/latest/}.
 *
 * <pre>
 * DIR/landing/          input files (the sample generator writes here; the default --input)
 * DIR/lake/             the Parquet lake (see Lake)
 * DIR/bundles/&lt;run&gt;/    one chart bundle per run
 * DIR/bundles/latest    the newest complete bundle
 * </pre>
 */
public record Workspace(Path root) {

  public Workspace {
    root = root.toAbsolutePath().normalize();
  }

  public Path landing() {
    return root.resolve("landing");
  }

  public Path bundles() {
    return root.resolve("bundles");
  }

  public Path latestBundle() {
    return bundles().resolve("latest");
  }
}
