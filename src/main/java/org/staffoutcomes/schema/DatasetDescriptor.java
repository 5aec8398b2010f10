package org.staffoutcomes.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The contract of one input dataset, read from a YAML file in {@code data-schemas/}: which files
 * belong to it, how they are written, which columns they hold and what each may contain, how a
 * row's period maps to a survey year, and which measures the dataset provides.
 *
 * @param name dataset name, unique in its catalog; the lake folder's name
 * @param role what the dataset contributes
 * @param title one-line human title
 * @param description longer text for the data dictionary
 * @param files regular expression matched in full against paths relative to the input folder
 *     (forward slashes); named groups may carry a period (see {@link PeriodSpec#fileGroup()})
 * @param csv how the files are written
 * @param organisation the column holding the organisation code
 * @param period where each row's period comes from (null for reference data)
 * @param align how periods map to survey years (null for reference data)
 * @param key columns that identify a row; a repeated key is quarantined
 * @param columns the columns kept in the lake, in order
 * @param filter column = value conditions a row must meet to count in the panel (rows that do not
 *     stay in the lake)
 * @param measures the measures the dataset provides (staff and outcome roles)
 * @param codeMap rules that map published organisation codes to panel codes (site -> trust)
 * @param optional true when a run may go on without any file for this dataset
 * @param survey for survey results coded by year (microdata, distributions): where the question
 *     catalogue is and what a row is; null otherwise. Item columns are added to {@code columns}
 *     by the loader (see {@link SurveyColumns}).
 * @param publishChecks what the dataset's rows must look like for a run to publish (defaults when
 *     not declared)
 * @param origin where the descriptor was read from, for messages
 */
public record DatasetDescriptor(
    String name,
    Role role,
    String title,
    String description,
    String files,
    CsvSpec csv,
    String organisation,
    PeriodSpec period,
    AlignSpec align,
    List<String> key,
    List<ColumnSpec> columns,
    Map<String, String> filter,
    List<MeasureSpec> measures,
    List<CodeRule> codeMap,
    boolean optional,
    SurveySpec survey,
    PublishChecksSpec publishChecks,
    String origin) implements java.io.Serializable {

  public DatasetDescriptor {
    csv = csv == null ? CsvSpec.defaults() : csv;
    description = description == null ? "" : description.strip();
    key = key == null ? List.of() : List.copyOf(key);
    columns = columns == null ? List.of() : List.copyOf(columns);
    filter = filter == null ? Map.of() : Map.copyOf(filter);
    measures = measures == null ? List.of() : List.copyOf(measures);
    codeMap = codeMap == null ? List.of() : List.copyOf(codeMap);
    align = align == null && period != null ? AlignSpec.calendarYear() : align;
    publishChecks = publishChecks == null ? PublishChecksSpec.defaults() : publishChecks;
  }

  public Pattern filePattern() {
    return Pattern.compile(files);
  }

  public Optional<ColumnSpec> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** Whether a measure's value column holds ordered levels. */
  public boolean isOrdinal(MeasureSpec m) {
    return m.value() != null && column(m.value()).map(c -> c.type() == ColumnType.ORDINAL).orElse(false);
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  /** The same contract without where it was read from (for fingerprints that survive a move). */
  public DatasetDescriptor withoutOrigin() {
    return withOrigin(null);
  }

  DatasetDescriptor withOrigin(String newOrigin) {
    return new DatasetDescriptor(name, role, title, description, files, csv, organisation, period,
        align, key, columns, filter, measures, codeMap, optional, survey, publishChecks, newOrigin);
  }

  /** The same contract with other measures (the loader's expansion of separate scale series). */
  DatasetDescriptor withMeasures(List<MeasureSpec> newMeasures) {
    return new DatasetDescriptor(name, role, title, description, files, csv, organisation, period,
        align, key, columns, filter, newMeasures, codeMap, optional, survey, publishChecks, origin);
  }

  /** The same contract with other lake columns and survey settings (the loader's expansion). */
  DatasetDescriptor withSurvey(SurveySpec newSurvey, List<ColumnSpec> newColumns) {
    return new DatasetDescriptor(name, role, title, description, files, csv, organisation, period,
        align, key, newColumns, filter, measures, codeMap, optional, newSurvey, publishChecks, origin);
  }
}
