package org.staffoutcomes.cli;

import java.nio.file.Path;
import org.staffoutcomes.config.Settings;
import org.staffoutcomes.config.Workspace;
import org.staffoutcomes.pipeline.LazySpark;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import picocli.CommandLine.Option;

/** Options every stage command shares. */
final class CommonOptions {

  @Option(names = "--workdir", required = true, paramLabel = "DIR",
      description = "Work folder: landing/, lake/ and bundles/ live here.")
  Path workdir;

  @Option(names = "--catalog", defaultValue = "sample", paramLabel = "NAME|DIR",
      description = "Catalog of dataset descriptors: a folder, or a name under data-schemas/ (default: ${DEFAULT-VALUE}).")
  String catalog;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default local[*]; under spark-submit, spark-submit's).")
  String master;

  @Option(names = "--profile",
      description = "After each step, print its Spark jobs, stages, tasks, shuffled bytes and executor time.")
  boolean profile;

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  Workspace workspace() {
    return new Workspace(workdir);
  }

  Catalog loadCatalog() {
    return CatalogLoader.load(catalog, Settings.schemasHome());
  }

  /** The command's Spark session, opened when a stage first needs it. */
  LazySpark spark() {
    return new LazySpark(master);
  }
}
