package org.staffoutcomes.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A data team's schemas for survey tests: {@code <schemas>/questions/} (a copy of the question
 * catalogue) and {@code <schemas>/survey/}, a catalog of the sample's organisations, published
 * staff survey scores and respondent microdata.
 */
public final class SurveyCatalog {

  private SurveyCatalog() {}

  /** Writes the schemas under {@code schemas}; returns the catalog's folder. */
  public static Path write(Path schemas) throws IOException {
    copyTree(Path.of("data-schemas/questions"), schemas.resolve("questions"));
    Path catalog = schemas.resolve("survey");
    Files.createDirectories(catalog);
    for (String f : List.of("organisations.yaml", "staff-survey.yaml", "staff-microdata.yaml")) {
      Files.copy(Path.of("data-schemas/sample").resolve(f), catalog.resolve(f));
    }
    Files.writeString(catalog.resolve("catalog.yaml"), """
        name: survey
        datasets: [organisations.yaml, staff-survey.yaml, staff-microdata.yaml]
        analysis: {headline_measure: engagement}
        """);
    return catalog;
  }

  /** Copies a folder tree, replacing files that exist. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path f : all.sorted().toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
