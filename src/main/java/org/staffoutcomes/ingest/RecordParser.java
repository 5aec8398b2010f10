package org.staffoutcomes.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.staffoutcomes.config.Excerpt;
import org.staffoutcomes.schema.ColumnSpec;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.PeriodSpec;
import org.staffoutcomes.schema.QuestionCatalogue;
import org.staffoutcomes.schema.SurveyColumns;

/**
 * Applies one descriptor to the fields of one file's records: finds each declared column in the
 * header, casts values, checks required, range, pattern and allowed values, and parses the period.
 * Every problem in a record is reported, each naming the column (number and header) and the value.
 */
public final class RecordParser {

  /** The most characters of a value a reason quotes. */
  private static final int QUOTED_CHARS = 100;

  private final DatasetDescriptor descriptor;
  private final String sourceFile;
  private final int[] fieldIndex;
  private final int headerSize;
  private final Pattern[] patterns;
  private final Pattern thousandsGrouping;
  private final String filePeriod;
  /** The period the file name gives (parsed once per file), or why it gives none. */
  private final MonthInterval fileInterval;
  private final String fileGroupProblem;
  private final int periodColumn;
  /** The lake columns as this file holds them; null for a survey item not asked in its year. */
  private final List<ColumnSpec> columns;

  /**
   * @param header the file's header fields
   * @throws IngestException when a declared column is not in the header, or the period cannot be
   *     read from the file name
   */
  public RecordParser(DatasetDescriptor descriptor, String sourceFile, List<String> header) {
    this.descriptor = descriptor;
    this.sourceFile = sourceFile;
    this.headerSize = header.size();
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).startsWith("\uFEFF") ? header.get(i).substring(1) : header.get(i);
      positions.putIfAbsent(name.strip(), i);
    }
    columns = fileColumns(descriptor, sourceFile);
    fieldIndex = new int[columns.size()];
    patterns = new Pattern[columns.size()];
    List<String> absent = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c) == null) {
        fieldIndex[c] = -1;
        continue;
      }
      Integer at = positions.get(columns.get(c).header());
      if (at == null) {
        absent.add("'" + columns.get(c).header() + "'");
      }
      fieldIndex[c] = at == null ? -1 : at;
      patterns[c] = columns.get(c).pattern() == null ? null : Pattern.compile(columns.get(c).pattern());
    }
    if (!absent.isEmpty()) {
      throw new IngestException(sourceFile + " line 1: header lacks column(s) " + String.join(", ", absent)
          + " declared in " + descriptor.origin() + " (header has: " + Excerpt.of(String.join(", ", header), 200) + ")");
    }
    String sep = Pattern.quote(descriptor.csv().thousands());
    thousandsGrouping = descriptor.csv().thousands().isEmpty() ? null
        : Pattern.compile("[+-]?\\d{1,3}(" + sep + "\\d{3})+(\\.\\d+)?");
    PeriodSpec period = descriptor.period();
    periodColumn = period == null || period.column() == null ? -1 : descriptor.columnNames().indexOf(period.column());
    filePeriod = period == null || period.fileGroup() == null ? null : fileGroup(period.fileGroup());
    MonthInterval interval = null;
    String problem = null;
    if (filePeriod != null) {
      try {
        interval = Periods.parse(filePeriod, period.format(), period.pattern());
      } catch (IllegalArgumentException e) {
        problem = "file name group '" + period.fileGroup() + "': " + e.getMessage();
      }
    }
    fileInterval = interval;
    fileGroupProblem = problem;
  }

  /** How many fields the file's header has. */
  public int headerSize() {
    return headerSize;
  }

  /** Parses one record's fields. Never throws for bad data: problems become the reason. */
  public ParsedLine parse(List<String> fields, long line, String raw) {
    List<String> problems = new ArrayList<>();
    if (fields.size() != headerSize) {
      problems.add("has " + fields.size() + " fields, the header has " + headerSize);
      return new ParsedLine(sourceFile, line, raw, null, null, String.join("; ", problems));
    }
    Object[] values = new Object[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      if (fieldIndex[c] < 0) {
        continue;
      }
      String text = fields.get(fieldIndex[c]).strip();
      try {
        values[c] = value(columns.get(c), patterns[c], text);
      } catch (IllegalArgumentException e) {
        problems.add("column " + (fieldIndex[c] + 1) + " '" + columns.get(c).header() + "': " + e.getMessage());
      }
    }
    MonthInterval period = null;
    if (descriptor.period() != null && problems.isEmpty() && filePeriod != null) {
      period = fileInterval;
      if (period == null) {
        problems.add(fileGroupProblem);
      }
    } else if (descriptor.period() != null && problems.isEmpty()) {
      String periodText = values[periodColumn] == null ? null : String.valueOf(values[periodColumn]);
      String where = "column " + (fieldIndex[periodColumn] + 1) + " '" + columns.get(periodColumn).header() + "'";
      if (periodText == null) {
        problems.add(where + ": no period");
      } else {
        try {
          period = Periods.parse(periodText, descriptor.period().format(), descriptor.period().pattern());
        } catch (IllegalArgumentException e) {
          problems.add(where + ": " + e.getMessage());
        }
      }
    }
    return problems.isEmpty()
        ? new ParsedLine(sourceFile, line, raw, values, period, null)
        : new ParsedLine(sourceFile, line, raw, null, null, String.join("; ", problems));
  }

  /**
   * The descriptor's columns, or for a survey dataset the columns of the file's survey year as
   * the question catalogue maps them.
   *
   * @throws IngestException when the question catalogue has no mapping for the file's year
   */
  private List<ColumnSpec> fileColumns(DatasetDescriptor d, String file) {
    if (d.survey() == null) {
      return d.columns();
    }
    String group = d.period().fileGroup();
    int year;
    try {
      year = Integer.parseInt(fileGroup(group));
    } catch (NumberFormatException e) {
      throw new IngestException(file + ": file name group '" + group + "' is not a survey year");
    }
    QuestionCatalogue q = d.survey().catalogue();
    return SurveyColumns.forYear(d, q.year(year).orElseThrow(() -> new IngestException(file
        + ": no question mapping for survey year " + year + " in " + q.origin() + " (mapped years: "
        + q.years().keySet() + "); add years/" + year + ".yaml saying which code each item had that year")));
  }

  private Object value(ColumnSpec column, Pattern pattern, String text) {
    if (descriptor.csv().missing().contains(text) || column.missing().contains(text)) {
      if (column.required()) {
        throw new IllegalArgumentException("required value is missing (" + quoted(text) + ")");
      }
      return null;
    }
    Object v = switch (column.type()) {
      case STRING -> text;
      case INTEGER -> wholeNumber(number(text), text);
      case DOUBLE -> number(text);
      case ORDINAL -> level(column, text);
    };
    if (pattern != null && !pattern.matcher(text).matches()) {
      throw new IllegalArgumentException(quoted(text) + " does not match " + column.pattern());
    }
    if (!column.allowed().isEmpty() && !column.allowed().contains(text)) {
      throw new IllegalArgumentException(quoted(text) + " is not one of " + column.allowed());
    }
    if (column.hasRange() && v instanceof Number n) {
      double x = n.doubleValue();
      if (x < column.range().get(0) || x > column.range().get(1)) {
        throw new IllegalArgumentException(quoted(text) + " is outside the range [" + fmt(column.range().get(0))
            + ", " + fmt(column.range().get(1)) + "]");
      }
    }
    return v;
  }

  /** The 1-based level of an ordinal value (lowest first). */
  private static Long level(ColumnSpec column, String text) {
    int i = column.levels().indexOf(text);
    if (i < 0 && !column.missing().isEmpty()) {
      throw new IllegalArgumentException(quoted(text) + " is not an answer code of this item in this survey year (answers "
          + column.levels().stream().sorted().toList() + "; no answer: "
          + column.missing().stream().map(c -> c.isEmpty() ? "blank" : "'" + c + "'").toList() + ")");
    }
    if (i < 0) {
      throw new IllegalArgumentException(quoted(text) + " is not one of the levels " + column.levels());
    }
    return (long) i + 1;
  }

  private double number(String text) {
    String plain = text;
    String sep = descriptor.csv().thousands();
    if (thousandsGrouping != null && text.contains(sep)) {
      if (!thousandsGrouping.matcher(text).matches()) {
        throw new IllegalArgumentException(quoted(text) + " is not a number (misplaced '" + sep + "')");
      }
      plain = text.replace(sep, "");
    }
    try {
      double x = Double.parseDouble(plain);
      if (Double.isNaN(x) || Double.isInfinite(x) || hasLetter(plain)) {
        throw new NumberFormatException();
      }
      return x;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(quoted(text) + " is not a number");
    }
  }

  /** Whether the text holds an ASCII letter (Java's parser accepts "1d", "0x1p3", "1e5f" ...). */
  private static boolean hasLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
        return true;
      }
    }
    return false;
  }

  private static Long wholeNumber(double x, String text) {
    if (x != Math.rint(x) || Math.abs(x) > 9.0e15) {
      throw new IllegalArgumentException(quoted(text) + " is not a whole number");
    }
    return (long) x;
  }

  private String fileGroup(String group) {
    Matcher m = descriptor.filePattern().matcher(sourceFile);
    if (!m.matches()) {
      throw new IngestException(sourceFile + ": does not match the files pattern of " + descriptor.origin());
    }
    return m.group(group);
  }

  /** A value as a reason quotes it: escaped, and cut to {@value #QUOTED_CHARS} characters. */
  private static String quoted(String text) {
    return "'" + Excerpt.of(text, QUOTED_CHARS) + "'";
  }

  private static String fmt(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x);
  }

}
