package org.staffoutcomes.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.staffoutcomes.analysis.AnalysisResults;
import org.staffoutcomes.analysis.AnalysisTables;
import org.staffoutcomes.charts.ChartCsv;
import org.staffoutcomes.schema.Catalog;

/**
 * The trust pages of the bundle, in {@code trusts/}: {@code index.html} (every organisation, sortable
 * and searchable), one profile page per organisation ({@link TrustProfilePage}) and {@code
 * culture.html} (trusts by culture measures); and {@code data/organisation_years.csv}, which names
 * the organisations and marks their restated years. Every number of a page links to its CSV row
 * ({@link RowLink}).
 */
public final class TrustPages {

  static final String FOLDER = "trusts";
  static final String INDEX = "index.html";
  static final String CULTURE = "culture.html";

  /** An organisation code that can be a file name as it is (and is not one of the other pages'). */
  private static final Pattern PLAIN_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  private TrustPages() {}

  /**
   * Writes the pages and {@code data/organisation_years.csv}, and adds the index and the culture
   * table to the bundle's index page. Needs {@code data/positions.csv}, {@code changes.csv}, {@code
   * trends.csv} and {@code correlations.csv} written from the same results, in their order.
   *
   * @param spcCharts the file names of the XmR charts the bundle holds (SVG, in {@code charts/}; a
   *     profile page shows those of its organisation)
   */
  public static void write(BundleFolder folder, Catalog catalog, AnalysisResults results, Set<String> spcCharts)
      throws IOException {
    ChartCsv.writeTable(AnalysisTables.ORGANISATION_YEAR_LAYOUT,
        results.organisations().stream().map(AnalysisTables::values).toList(),
        folder.csv(AnalysisTables.ORGANISATION_YEARS));
    TrustData data = new TrustData(catalog, results);
    Path dir = folder.root().resolve(FOLDER);
    Files.createDirectories(dir);
    // Each profile page is its own file from the same read-only data: written on every core.
    try {
      data.pages().entrySet().parallelStream().forEach(page -> {
        try {
          Files.writeString(dir.resolve(page.getValue()), TrustProfilePage.render(data, page.getKey(), spcCharts),
              StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    Files.writeString(dir.resolve(INDEX), TrustIndexPage.render(data), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(CULTURE), CulturePage.render(data), StandardCharsets.UTF_8);
    folder.addPage(new BundlePage(FOLDER + "/" + INDEX, "Trust profiles",
        "every organisation with its benchmarking group, region, latest " + data.headline.label()
            + " and significant changes; each links to its profile page (its measures against its"
            + " benchmarking group over the years, outcomes, culture and national associations)."));
    folder.addPage(new BundlePage(FOLDER + "/" + CULTURE, "Culture table",
        "trusts by the catalog's culture measures in the latest year, and the gap between the best and"
            + " worst trust over the years."));
  }

  /**
   * The profile page's file name: the organisation code, or {@code org-<hex of its UTF-8 bytes>}
   * when the code is not letters, digits, '_' and '-' or is the name of another page.
   */
  static String fileName(String orgCode) {
    boolean plain = PLAIN_CODE.matcher(orgCode).matches() && !(orgCode + ".html").equalsIgnoreCase(INDEX)
        && !(orgCode + ".html").equalsIgnoreCase(CULTURE);
    return (plain ? orgCode : "org-" + HexFormat.of().formatHex(orgCode.getBytes(StandardCharsets.UTF_8)))
        + ".html";
  }
}
