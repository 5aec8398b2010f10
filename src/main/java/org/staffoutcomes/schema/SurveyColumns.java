package org.staffoutcomes.schema;

import java.util.ArrayList;
import java.util.List;
import org.staffoutcomes.schema.QuestionCatalogue.Item;
import org.staffoutcomes.schema.QuestionCatalogue.Score;
import org.staffoutcomes.schema.QuestionCatalogue.SurveyYear;

/**
 * The columns of a survey dataset: in the lake (the same in every year: one column per canonical
 * item), in one year's files (the item columns under that year's codes), and in its score table.
 *
 * <p>Lake item columns hold favourable positions: 1 is the least favourable answer, whatever the
 * year's printed order. Microdata keep one column per item; distributions keep
 * {@code <item>__1 .. <item>__<options>} (count or percentage giving each answer) and
 * {@code <item>__n} (respondents to the item).
 */
public final class SurveyColumns {

  /** Score table: respondents behind an organisation's row (microdata). */
  public static final String RESPONDENTS = "respondents";
  public static final String UNWEIGHTED = "_unweighted";
  public static final String POSITIVE = "_positive";
  public static final String BASE = "_base";

  private SurveyColumns() {}

  public static String answer(Item item, int position) {
    return item.column() + "__" + position;
  }

  public static String itemRespondents(Item item) {
    return item.column() + "__n";
  }

  /** The descriptor's own columns followed by every canonical item's lake columns. */
  static List<ColumnSpec> lakeColumns(DatasetDescriptor d, List<ColumnSpec> declared) {
    SurveySpec s = d.survey();
    List<ColumnSpec> out = new ArrayList<>(declared);
    for (Item item : s.heldItems()) {
      String text = item.text() == null ? item.id() : item.text();
      if (s.shape() == SurveySpec.Shape.MICRODATA) {
        out.add(new ColumnSpec(item.column(), null, ColumnType.INTEGER, false,
            List.of(1.0, (double) item.options()), null, null,
            "'" + text + "': favourable position 1-" + item.options()
                + " (empty: not answered, don't know, or not asked that year)", null, null));
      } else {
        for (int p = 1; p <= item.options(); p++) {
          out.add(new ColumnSpec(answer(item, p), null, ColumnType.DOUBLE, false, List.of(0.0, 1.0e9), null, null,
              "'" + text + "': count or % giving the answer at favourable position " + p + " of " + item.options(),
              null, null));
        }
        out.add(new ColumnSpec(itemRespondents(item), null, ColumnType.INTEGER, false, List.of(0.0, 1.0e9), null,
            null, "'" + text + "': respondents to the item", null, null));
      }
    }
    return out;
  }

  /**
   * The lake columns as one year's files hold them, in lake order; {@code null} for the columns of
   * an item not asked that year (always empty).
   */
  public static List<ColumnSpec> forYear(DatasetDescriptor d, SurveyYear year) {
    SurveySpec s = d.survey();
    List<ColumnSpec> out = new ArrayList<>();
    out.addAll(d.columns().subList(0, d.columns().size() - itemColumnCount(s)));
    for (Item item : s.heldItems()) {
      var code = year.item(item.id());
      if (s.shape() == SurveySpec.Shape.MICRODATA) {
        out.add(code.isEmpty() ? null : new ColumnSpec(item.column(), code.get().code(), ColumnType.ORDINAL, false,
            null, null, null, "", year.favourableCodes(item.id()), year.unscoredCodes(item.id())));
        continue;
      }
      List<String> labels = code.isEmpty() ? List.of() : year.favourableLabels(item.id());
      for (int p = 1; p <= item.options(); p++) {
        out.add(code.isEmpty() ? null : new ColumnSpec(answer(item, p),
            header(s.distributionColumn(), code.get().code(), labels.get(p - 1)), ColumnType.DOUBLE, false,
            List.of(0.0, 1.0e9), null, null, "", null, null));
      }
      out.add(code.isEmpty() ? null : new ColumnSpec(itemRespondents(item),
          header(s.respondentsColumn(), code.get().code(), ""), ColumnType.INTEGER, false, List.of(0.0, 1.0e9),
          null, null, "", null, null));
    }
    return out;
  }

  private static int itemColumnCount(SurveySpec s) {
    int n = 0;
    for (Item item : s.heldItems()) {
      n += s.shape() == SurveySpec.Shape.MICRODATA ? 1 : item.options() + 1;
    }
    return n;
  }

  private static String header(String template, String code, String label) {
    return template.replace("{code}", code).replace("{label}", label);
  }

  /** Columns of the score table, besides organisation, attributes and period columns. */
  public static List<String> scoreColumns(SurveySpec s) {
    List<String> out = new ArrayList<>();
    if (s.shape() == SurveySpec.Shape.MICRODATA) {
      out.add(RESPONDENTS);
    }
    for (Score score : s.heldScores()) {
      out.addAll(variants(s, score.column(), false));
    }
    for (Item item : s.heldItems()) {
      out.addAll(variants(s, item.column(), true));
    }
    return out;
  }

  private static List<String> variants(SurveySpec s, String column, boolean item) {
    List<String> out = new ArrayList<>();
    out.add(column);
    if (s.weighted()) {
      out.add(column + UNWEIGHTED);
    }
    if (item) {
      out.add(column + POSITIVE);
      if (s.weighted()) {
        out.add(column + POSITIVE + UNWEIGHTED);
      }
    }
    out.add(column + BASE);
    return out;
  }
}
