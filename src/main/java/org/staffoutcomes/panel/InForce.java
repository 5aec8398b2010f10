package org.staffoutcomes.panel;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.staffoutcomes.ingest.LakeRows;
import org.staffoutcomes.schema.AlignSpec;

/**
 * The {@code latest_on} rule: per organisation and survey year, the latest row dated in or before
 * the year's reference date (the first of the reference month of year + offset); of rows with the
 * same date, the one from the later source file, then the later line. Rows are offered one at a
 * time; only each organisation-year's latest so far is kept.
 */
final class InForce {

  /** Latest first: period start, then source file, then source line. */
  private static final Comparator<SourceRow> LATEST = Comparator
      .comparing(SourceRow::periodStart)
      .thenComparing(r -> text(r, LakeRows.SOURCE_FILE), Comparator.nullsFirst(OrgYear::compareCodePoints))
      .thenComparing(r -> line(r), Comparator.nullsFirst(Comparator.naturalOrder()));

  private final AlignSpec align;
  private final List<Integer> surveyYears;
  private final Map<OrgYear, SourceRow> latest = new TreeMap<>(OrgYear.ORDER);

  /** @param surveyYears the survey years to find the row in force for */
  InForce(AlignSpec align, List<Integer> surveyYears) {
    this.align = align;
    this.surveyYears = surveyYears;
  }

  /** The first day of the month whose state survey year {@code year} takes. */
  LocalDate reference(int year) {
    return LocalDate.of(year + align.offset(), align.referenceMonth(), 1);
  }

  void offer(SourceRow row) {
    LocalDate start = row.periodStart();
    if (start == null) {
      return;
    }
    for (int year : surveyYears) {
      if (!start.isAfter(reference(year))) {
        latest.merge(new OrgYear(row.org(), year), row, (a, b) -> LATEST.compare(b, a) > 0 ? b : a);
      }
    }
  }

  /** Each organisation-year's row in force, in key order. */
  void forEach(BiConsumer<SourceRow, Integer> each) {
    latest.forEach((key, row) -> each.accept(row, key.year()));
  }

  private static String text(SourceRow r, String column) {
    return r.record().has(column) && r.record().value(column) != null ? r.record().value(column).toString() : null;
  }

  private static Long line(SourceRow r) {
    return r.record().has(LakeRows.SOURCE_LINE) && r.record().value(LakeRows.SOURCE_LINE) instanceof Number n
        ? n.longValue() : null;
  }
}
