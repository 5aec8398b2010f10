package org.staffoutcomes.schema;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The survey's canonical items, the scores defined over them, and one mapping per survey year
 * (which code each item had, on which response scale, in which direction). Read from
 * {@code data-schemas/questions/} by {@link QuestionCatalogueLoader}; format in
 * {@code notebooks-docs/questions.md}.
 *
 * @param items canonical items, in file order
 * @param scores scores over items or over other scores, in file order
 * @param years each mapped survey year
 * @param origin where the catalogue was read from
 */
public record QuestionCatalogue(List<Item> items, List<Score> scores, TreeMap<Integer, SurveyYear> years, String origin)
    implements Serializable {

  public QuestionCatalogue {
    items = List.copyOf(items);
    scores = List.copyOf(scores);
    years = new TreeMap<>(years);
  }

  /**
   * A canonical item.
   *
   * @param id stable id, e.g. {@code motivation.look_forward}
   * @param text the item's wording (of the latest year it was read from)
   * @param options number of scored response options
   * @param positive favourable positions (1 = least favourable) counted as positive; default the
   *     top two
   */
  public record Item(String id, String text, Integer options, List<Integer> positive) implements Serializable {
    public Item {
      positive = positive == null || positive.isEmpty() ? null : List.copyOf(positive);
    }

    /** The positions counted as positive. */
    public List<Integer> positivePositions() {
      return positive != null ? positive : List.of(options - 1, options);
    }

    /** The lake column holding this item (dots become underscores). */
    public String column() {
      return QuestionCatalogue.column(id);
    }
  }

  /**
   * A score: the mean of answered {@code items}, or the mean of {@code parts} (other scores), all
   * required; or, of kind {@link Kind#PERCENT}, the mean of its items' percentages positive.
   * {@code theme}: for a top-level score, the heading it is grouped under in the bundle (default its
   * label), so that several small scores can share one (e.g. the speaking-up culture measures).
   */
  public record Score(String id, String label, List<String> items, List<String> parts, Kind kind, String theme)
      implements Serializable {
    public Score {
      items = items == null ? List.of() : List.copyOf(items);
      parts = parts == null ? List.of() : List.copyOf(parts);
      kind = kind == null ? Kind.MEAN : kind;
    }

    public boolean percent() {
      return kind == Kind.PERCENT;
    }

    /** The heading of this score's group of measures: its theme, else its label. */
    public String themeLabel() {
      return theme != null && !theme.isBlank() ? theme : label;
    }

    public String column() {
      return QuestionCatalogue.column(id);
    }
  }

  /**
   * One survey year's mapping.
   *
   * @param scoreRange the score of the least and of the most favourable option ([1, 5] before
   *     2018, [0, 10] since)
   * @param notAnswered microdata codes meaning no answer
   * @param scales response scales by name
   * @param items the code, scale and direction of each item asked that year
   * @param absent items not mapped that year, with the reason
   */
  public record SurveyYear(Integer year, String source, List<Double> scoreRange, List<String> notAnswered,
      Map<String, Scale> scales, Map<String, ItemCode> items, Map<String, String> absent, String origin)
      implements Serializable {
    public SurveyYear {
      notAnswered = notAnswered == null ? List.of("") : List.copyOf(notAnswered);
      scoreRange = scoreRange == null ? List.of() : List.copyOf(scoreRange);
      scales = scales == null ? Map.of() : new TreeMap<>(scales);
      items = items == null ? Map.of() : new TreeMap<>(items);
      absent = absent == null ? Map.of() : new TreeMap<>(absent);
    }

    /** The score of favourable position {@code p} (1-based) of {@code options}. */
    public double score(int p, int options) {
      double low = scoreRange.get(0);
      double high = scoreRange.get(1);
      return low + (p - 1) * (high - low) / (options - 1);
    }

    /** Scores of positions 1..options. */
    public double[] scores(int options) {
      double[] s = new double[options];
      for (int p = 1; p <= options; p++) {
        s[p - 1] = score(p, options);
      }
      return s;
    }

    public Optional<ItemCode> item(String id) {
      return Optional.ofNullable(items.get(id));
    }

    /** The item's answer codes from least to most favourable. */
    public List<String> favourableCodes(String id) {
      return favourableOrder(id, scales.get(items.get(id).scale()).codes());
    }

    /** The item's answer labels from least to most favourable. */
    public List<String> favourableLabels(String id) {
      return favourableOrder(id, scales.get(items.get(id).scale()).labels());
    }

    /** A scale's list in printed order, turned round when the item is reverse-scored. */
    private List<String> favourableOrder(String id, List<String> printed) {
      List<String> out = new ArrayList<>(printed);
      if (Boolean.TRUE.equals(items.get(id).reverse())) {
        java.util.Collections.reverse(out);
      }
      return out;
    }

    /** Codes of the item that are answers but not scored, plus the year's not-answered codes. */
    public List<String> unscoredCodes(String id) {
      List<String> out = new ArrayList<>(notAnswered);
      out.addAll(scales.get(items.get(id).scale()).dontKnow());
      return out;
    }
  }

  /** A response scale: labels as printed, in printed order, the code of each, unscored codes. */
  public record Scale(List<String> labels, List<String> codes, List<String> dontKnow) implements Serializable {
    public Scale {
      labels = labels == null ? List.of() : List.copyOf(labels);
      codes = codes == null ? List.of() : List.copyOf(codes);
      dontKnow = dontKnow == null ? List.of() : List.copyOf(dontKnow);
    }
  }

  /** How a score is formed from its items. */
  public enum Kind {
    /**
     * Respondent by respondent: a respondent's score is the mean of the items they answered (or of
     * their part scores), the organisation's the (weighted) mean of its respondents' scores.
     */
    MEAN,
    /**
     * Item by item: the mean over its items of the percentage of each item's answers at its
     * positive positions (e.g. the Freedom to Speak Up index, the mean of four percentages
     * agreeing); every item must have answers. A percentage from 0 to 100, in every year.
     */
    PERCENT
  }

  /** An item's code in one year, its scale, and whether the printed first label is favourable. */
  public record ItemCode(String code, String scale, Boolean reverse) implements Serializable {}

  public Optional<Item> item(String id) {
    return items.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  public Optional<Score> score(String id) {
    return scores.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<SurveyYear> year(int year) {
    return Optional.ofNullable(years.get(year));
  }

  /** The canonical id as a lake column name. */
  public static String column(String id) {
    return id.replace('.', '_');
  }
}
