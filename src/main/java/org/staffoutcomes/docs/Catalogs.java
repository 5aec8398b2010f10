package org.staffoutcomes.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;

/** Every catalog under a schemas folder, in name order. */
public final class Catalogs {

  private Catalogs() {}

  public static List<Catalog> all(Path schemasHome) {
    try (Stream<Path> dirs = Files.list(schemasHome)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve(CatalogLoader.CATALOG_FILE)))
          .sorted()
          .map(CatalogLoader::load)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list catalogs in " + schemasHome, e);
    }
  }
}
