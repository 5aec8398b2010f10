package org.staffoutcomes.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A set of dataset descriptors that are analysed together (one folder of {@code data-schemas/}).
 *
 * @param name catalog name (the folder's name)
 * @param title human title, shown on the bundle's index page
 * @param datasets the descriptors, in the catalog's order
 * @param analysis analysis settings
 * @param defaults organisation attributes used when no dataset gives them (trust_type,
 *     benchmark_group, region)
 * @param succession what a successors dataset does: restate predecessors under their successor,
 *     or let their series break (the default)
 * @param origin where the catalog was read from
 * @param years the years the data may fall in (a row outside stops the run from publishing), or
 *     null for no limit
 * @param unknownOrganisations what becomes of organisation codes that neither the organisations
 *     reference nor the successors dataset knows (default {@link UnknownOrganisations#FLAG})
 */
public record Catalog(
    String name,
    String title,
    List<DatasetDescriptor> datasets,
    AnalysisSpec analysis,
    Map<String, String> defaults,
    Succession succession,
    String origin,
    YearRange years,
    UnknownOrganisations unknownOrganisations) {

  /** How organisations that merged or changed code appear in the panel. */
  public enum Succession {
    /** Each code keeps its own rows; the panel says where a series ends and starts. */
    BREAK,
    /** Predecessors' rows count under their (final) successor, weighted as any rows in a window. */
    RESTATE
  }

  /**
   * Organisation codes absent from the organisations reference and the successors dataset (only
   * with an organisations dataset in the catalog).
   */
  public enum UnknownOrganisations {
    /** Kept in the lake, left out of every national figure, listed on the index page and in a CSV. */
    FLAG
  }

  /** A catalog with no year range and unknown organisations flagged. */
  public Catalog(String name, String title, List<DatasetDescriptor> datasets, AnalysisSpec analysis,
      Map<String, String> defaults, Succession succession, String origin) {
    this(name, title, datasets, analysis, defaults, succession, origin, null, null);
  }

  public Catalog {
    datasets = List.copyOf(datasets);
    analysis = analysis == null ? new AnalysisSpec(null, null, null) : analysis;
    defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
    succession = succession == null ? Succession.BREAK : succession;
    unknownOrganisations = unknownOrganisations == null ? UnknownOrganisations.FLAG : unknownOrganisations;
  }

  public List<DatasetDescriptor> withRole(Role role) {
    return datasets.stream().filter(d -> d.role() == role).toList();
  }

  public Optional<DatasetDescriptor> dataset(String datasetName) {
    return datasets.stream().filter(d -> d.name().equals(datasetName)).findFirst();
  }

  /** Staff measures, in declaration order. */
  public List<MeasureInfo> staffMeasures() {
    return measures(Role.STAFF);
  }

  /** Outcomes and performance metrics, in declaration order. */
  public List<MeasureInfo> outcomes() {
    return measures(Role.OUTCOME);
  }

  public List<MeasureInfo> allMeasures() {
    return Stream.concat(staffMeasures().stream(), outcomes().stream()).toList();
  }

  public Optional<MeasureInfo> measure(String measureName) {
    return allMeasures().stream().filter(m -> m.name().equals(measureName)).findFirst();
  }

  public String defaultAttribute(String attribute) {
    return defaults.getOrDefault(attribute, "Unknown");
  }

  private List<MeasureInfo> measures(Role role) {
    return withRole(role).stream()
        .flatMap(d -> d.measures().stream().map(m -> m.info(role == Role.STAFF, d.isOrdinal(m))))
        .toList();
  }
}
