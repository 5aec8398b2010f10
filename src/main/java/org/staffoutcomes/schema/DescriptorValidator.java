package org.staffoutcomes.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks a descriptor for the mistakes a person editing YAML makes, before any data is read. */
final class DescriptorValidator {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
  /** Column names the pipeline adds to every lake row. */
  static final Set<String> RESERVED = Set.of("year", "period_start", "period_end", "source_file", "source_line");

  private DescriptorValidator() {}

  static void validate(DatasetDescriptor d) {
    String where = "Invalid descriptor " + d.origin() + ": ";
    require(d.name() != null && IDENTIFIER.matcher(d.name()).matches(),
        where + "name '" + d.name() + "' must be snake_case (a-z, 0-9, _)");
    require(d.role() != null, where + "role is required (organisations, staff or outcome)");
    require(d.files() != null && !d.files().isBlank(), where + "files (a regular expression) is required");
    try {
      Pattern.compile(d.files());
    } catch (PatternSyntaxException e) {
      throw new DescriptorException(where + "files is not a valid regular expression: " + e.getDescription());
    }
    require(!d.columns().isEmpty(), where + "columns must list at least one column");
    require(d.csv().delimiter().length() == 1, where + "csv.delimiter must be one character");
    Set<String> names = new HashSet<>();
    for (ColumnSpec c : d.columns()) {
      require(c.name() != null && IDENTIFIER.matcher(c.name()).matches(),
          where + "column name '" + c.name() + "' must be snake_case");
      require(!RESERVED.contains(c.name()), where + "column name '" + c.name() + "' is reserved");
      require(names.add(c.name()), where + "column '" + c.name() + "' is declared twice");
      require(c.type() != null, where + "column '" + c.name() + "' needs a type (string, integer, double)");
      require((c.type() == ColumnType.ORDINAL) == !c.levels().isEmpty(),
          where + "column '" + c.name() + "': levels (lowest first) go with type ordinal, and only with it");
      require(c.range().isEmpty() || (c.range().size() == 2 && c.type() != ColumnType.STRING),
          where + "column '" + c.name() + "': range must be [min, max] on a numeric column");
      if (c.pattern() != null) {
        try {
          Pattern.compile(c.pattern());
        } catch (PatternSyntaxException e) {
          throw new DescriptorException(where + "column '" + c.name() + "': invalid pattern: " + e.getDescription());
        }
      }
    }
    requireColumn(d, where, "organisation", d.organisation());
    for (String k : d.key()) {
      requireColumn(d, where, "key", k);
    }
    for (String f : d.filter().keySet()) {
      requireColumn(d, where, "filter", f);
    }
    for (CodeRule rule : d.codeMap()) {
      require(rule.pattern() != null && rule.replacement() != null,
          where + "code_map entries need pattern and replacement");
      try {
        Pattern.compile(rule.pattern());
      } catch (PatternSyntaxException e) {
        throw new DescriptorException(where + "code_map pattern '" + rule.pattern() + "' is invalid: " + e.getDescription());
      }
    }
    validatePeriod(d, where);
    validateMeasures(d, where);
  }

  private static void validatePeriod(DatasetDescriptor d, String where) {
    if (d.role() == Role.ORGANISATIONS || d.role() == Role.SUCCESSORS) {
      return;
    }
    PeriodSpec p = d.period();
    require(p != null, where + "period is required for role " + d.role().name().toLowerCase());
    require(p.format() != null, where + "period.format is required (year, financial_year, month, rolling_months)");
    require((p.column() == null) != (p.fileGroup() == null),
        where + "period needs exactly one of column or file_group");
    if (p.column() != null) {
      requireColumn(d, where, "period.column", p.column());
    } else {
      require(d.files().contains("(?<" + p.fileGroup() + ">"),
          where + "period.file_group '" + p.fileGroup() + "' is not a named group of files");
    }
    require(p.format() != PeriodFormat.MONTH || p.pattern() != null,
        where + "period.pattern (e.g. yyyy-MM-dd) is required for format month");
    if (p.pattern() != null) {
      try {
        java.time.format.DateTimeFormatter.ofPattern(p.pattern());
      } catch (IllegalArgumentException e) {
        throw new DescriptorException(where + "period.pattern '" + p.pattern() + "' is not a date pattern: "
            + e.getMessage());
      }
    }
    if (d.align().rule() == AlignSpec.AlignRule.LATEST_ON) {
      Integer month = d.align().referenceMonth();
      require(month != null && month >= 1 && month <= 12,
          where + "align.reference_month (1-12) is required for rule latest_on");
    } else {
      require(d.align().window() != null, where + "align.window is required (calendar_year or financial_year)");
    }
  }

  private static void validateMeasures(DatasetDescriptor d, String where) {
    if (d.role() == Role.ORGANISATIONS || d.role() == Role.SUCCESSORS) {
      require(d.measures().isEmpty(), where + "a reference dataset (organisations, successors) has no measures");
      if (d.role() == Role.SUCCESSORS) {
        require(d.column("old_code").isPresent() && d.column("new_code").isPresent(),
            where + "a successors dataset needs columns old_code and new_code");
      }
      return;
    }
    require(!d.measures().isEmpty(), where + "a " + d.role().name().toLowerCase() + " dataset needs measures");
    if (d.survey() != null) {
      validateSurveyMeasures(d, where);
      return;
    }
    for (MeasureSpec m : d.measures()) {
      require(m.name() != null && IDENTIFIER.matcher(m.name()).matches(),
          where + "measure name '" + m.name() + "' must be snake_case");
      require(m.definitions() == 1,
          where + "measure '" + m.name() + "' needs exactly one of value, distribution, mean_of or numerator/denominator");
      if (m.distribution() != null) {
        require(!m.distribution().columns().isEmpty()
            && m.distribution().columns().size() == m.distribution().scores().size(),
            where + "measure '" + m.name() + "': distribution needs as many scores as columns");
        for (String col : m.distribution().columns()) {
          require(d.column(col).map(c -> c.type() == ColumnType.DOUBLE || c.type() == ColumnType.INTEGER).orElse(false),
              where + "measure '" + m.name() + "': distribution column '" + col + "' must be a declared numeric column");
        }
      }
      if (m.scaleChange() != null) {
        ScaleChange c = m.scaleChange();
        require(c.year() != null && c.from().size() == 2 && c.to().size() == 2 && !c.from().get(0).equals(c.from().get(1)),
            where + "measure '" + m.name() + "': scale_change needs year, from: [min, max] and to: [min, max]");
        require(!m.isRatio(), where + "measure '" + m.name() + "': scale_change applies to values, not rates");
        requireSeparateWhenColumnsChange(m, where);
        for (String col : List.of(nz(c.earlierValue()), nz(c.earlierBase()))) {
          require(col.isEmpty() || d.column(col).isPresent(),
              where + "measure '" + m.name() + "': scale_change refers to undeclared column '" + col + "'");
        }
      }
      for (String part : m.meanOf()) {
        MeasureSpec other = d.measures().stream().filter(o -> o.name().equals(part)).findFirst()
            .orElseThrow(() -> new DescriptorException(where + "measure '" + m.name() + "': mean_of names '" + part
                + "', not a measure of this dataset"));
        require(!other.isRatio() && other.meanOf().isEmpty(),
            where + "measure '" + m.name() + "': mean_of takes value or distribution measures, not '" + part + "'");
      }
      require((m.numerator() == null) == (m.denominator() == null),
          where + "measure '" + m.name() + "' needs both numerator and denominator");
      require(m.higherIsBetter() != null, where + "measure '" + m.name() + "' must say higher_is_better: true or false");
      require(m.shareAtLeast() == null || d.isOrdinal(m),
          where + "measure '" + m.name() + "': share_at_least needs an ordinal value column");
      for (String col : List.of(nz(m.value()), nz(m.base()), nz(m.numerator()), nz(m.denominator()))) {
        if (!col.isEmpty()) {
          ColumnSpec c = d.column(col).orElseThrow(() -> new DescriptorException(
              where + "measure '" + m.name() + "' refers to undeclared column '" + col + "'"));
          require(c.type() != ColumnType.STRING,
              where + "measure '" + m.name() + "' refers to non-numeric column '" + col + "'");
        }
      }
    }
  }

  /** Survey measures name columns of the dataset's score table (see {@link SurveyColumns}). */
  private static void validateSurveyMeasures(DatasetDescriptor d, String where) {
    require(d.role() == Role.STAFF, where + "survey datasets (microdata, distributions) have role staff");
    List<String> scoreColumns = SurveyColumns.scoreColumns(d.survey());
    for (MeasureSpec m : d.measures()) {
      require(m.name() != null && IDENTIFIER.matcher(m.name()).matches(),
          where + "measure '" + m.name() + "' must be snake_case");
      require(m.value() != null && m.definitions() == 1,
          where + "measure '" + m.name() + "' of a survey dataset needs value: a column of its score table");
      require(m.higherIsBetter() != null, where + "measure '" + m.name() + "' must say higher_is_better: true or false");
      ScaleChange c = m.scaleChange();
      requireSeparateWhenColumnsChange(m, where);
      for (String col : List.of(nz(m.value()), nz(m.base()), c == null ? "" : nz(c.earlierValue()),
          c == null ? "" : nz(c.earlierBase()))) {
        require(col.isEmpty() || scoreColumns.contains(col), where + "measure '" + m.name() + "' refers to '" + col
            + "', not a score table column (scores and items of " + d.survey().catalogue().origin()
            + " with suffixes _unweighted, _positive, _base)");
      }
    }
  }

  /** A series whose earlier years read other columns is two series: mode separate. */
  private static void requireSeparateWhenColumnsChange(MeasureSpec m, String where) {
    ScaleChange c = m.scaleChange();
    require(c == null || !c.changesColumns() || c.separate(), where + "measure '" + m.name()
        + "': scale_change earlier_value / earlier_base need mode: separate (the earlier years are their own series)");
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static void requireColumn(DatasetDescriptor d, String where, String what, String column) {
    require(column != null, where + what + " is required");
    require(d.column(column).isPresent(), where + what + " refers to undeclared column '" + column + "'");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new DescriptorException(message);
    }
  }
}
