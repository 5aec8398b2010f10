package org.staffoutcomes.ingest;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.schema.DatasetDescriptor;

/** The descriptors of {@code src/test/resources/descriptors/parse/}, loaded as the pipeline loads them. */
final class TestDescriptors {

  private static Catalog catalog;

  private TestDescriptors() {}

  static Path folder(String catalogFolder) {
    URL url = TestDescriptors.class.getResource("/descriptors/" + catalogFolder + "/" + CatalogLoader.CATALOG_FILE);
    if (url == null) {
      throw new IllegalStateException("test resource descriptors/" + catalogFolder + " is missing");
    }
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static synchronized Catalog parseCatalog() {
    if (catalog == null) {
      catalog = CatalogLoader.load(folder("parse"));
    }
    return catalog;
  }

  static DatasetDescriptor dataset(String name) {
    return parseCatalog().dataset(name).orElseThrow(() -> new IllegalStateException("no test dataset " + name));
  }
}
