package org.staffoutcomes.bundle;

import java.io.IOException;

/** Renders the run's charts into the bundle being built and adds them to it. */
@FunctionalInterface
public interface ChartStep {

  void render(BundleFolder folder) throws IOException;
}
