package org.staffoutcomes.scores;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.staffoutcomes.ingest.LakeRows;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.stats.SurveyScoring;

/** Runs on an executor: one organisation-year's respondents in, its score row out. */
final class RespondentScorer implements Serializable {

  private final DatasetDescriptor d;
  private final ScorePlans plans;
  private final List<String> attributes;
  private final int[] itemField;
  private final int groupField;
  private final int yearField;
  private final Map<Integer, Map<String, Double>> national;
  /** Per year, each occupation group's index in the national mix. */
  private final Map<Integer, Map<String, Integer>> groupIndex = new java.util.HashMap<>();

  RespondentScorer(DatasetDescriptor d, List<String> attributes, StructType schema,
      Map<Integer, Map<String, Double>> national) {
    this.d = d;
    this.plans = new ScorePlans(d.survey());
    this.attributes = List.copyOf(attributes);
    this.itemField = d.survey().heldItems().stream().mapToInt(i -> schema.fieldIndex(i.column())).toArray();
    this.groupField = schema.fieldIndex(d.survey().occupationGroup());
    this.yearField = schema.fieldIndex(LakeRows.YEAR);
    this.national = national;
    national.forEach((year, mix) -> {
      Map<String, Integer> index = new java.util.HashMap<>();
      mix.keySet().forEach(g -> index.put(g, index.size()));
      groupIndex.put(year, index);
    });
  }

  /**
   * A respondent as (organisation-year key row, answers): the key row holds the output's leading
   * fields; the answers are the occupation group's index in the year's national mix, then each
   * item's favourable position (0 = none), one byte each.
   */
  scala.Tuple2<String, byte[]> keyed(Row r) {
    String key = encode(ScoreStage.keyFields(r, d, attributes));
    int year = r.getInt(yearField);
    byte[] a = new byte[itemField.length + 1];
    a[0] = groupIndex.get(year).get(r.getString(groupField)).byteValue();
    for (int j = 0; j < itemField.length; j++) {
      a[j + 1] = r.isNullAt(itemField[j]) ? 0 : (byte) r.getLong(itemField[j]);
    }
    return new scala.Tuple2<>(key, a);
  }

  /**
   * The key fields as one string (organisation, attributes, period start and end, year; a field
   * per unit separator, missing as an empty field marked by a record separator): a string hashes,
   * sizes and serializes in the shuffle far faster than a Row.
   */
  static String encode(List<Object> fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append(FIELD);
      }
      Object f = fields.get(i);
      b.append(f == null ? MISSING : f.toString());
    }
    return b.toString();
  }

  /** {@link #encode}'s fields, typed again: strings, then two dates and the year. */
  static Row decode(String key) {
    String[] parts = key.split(String.valueOf(FIELD), -1);
    Object[] out = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.equals(String.valueOf(MISSING))) {
        out[i] = null;
      } else if (i >= parts.length - 3 && i < parts.length - 1) {
        out[i] = java.sql.Date.valueOf(p);
      } else if (i == parts.length - 1) {
        out[i] = Integer.valueOf(p);
      } else {
        out[i] = p;
      }
    }
    return org.apache.spark.sql.RowFactory.create(out);
  }

  private static final char FIELD = '\u001f';
  private static final char MISSING = '\u001e';

  Row score(String encodedKey, Iterable<byte[]> respondents) {
    Row key = decode(encodedKey);
    List<byte[]> rows = new ArrayList<>();
    respondents.forEach(rows::add);
    // Respondents arrive in an order that depends on partitioning; sorted, the sums (and so the
    // last bits of every score) are the same on any layout or cluster.
    rows.sort(Arrays::compare);
    int year = key.getInt(key.size() - 1);
    SurveyScoring.Plan plan = plans.forYear(year);
    List<String> groups = new ArrayList<>(national.get(year).keySet());
    double[] reference = groups.stream().mapToDouble(g -> national.get(year).get(g)).toArray();
    int[][] answers = new int[rows.size()][itemField.length];
    int[] group = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      byte[] r = rows.get(i);
      group[i] = r[0];
      for (int j = 0; j < itemField.length; j++) {
        answers[i][j] = r[j + 1];
      }
    }
    double[] ones = new double[rows.size()];
    Arrays.fill(ones, 1.0);
    SurveyScoring.Result unweighted = SurveyScoring.score(answers, ones, plan);
    boolean weighted = d.survey().weighted();
    SurveyScoring.Result result = weighted
        ? SurveyScoring.score(answers, SurveyScoring.weightsToReference(group, reference), plan) : unweighted;
    List<Object> out = new ArrayList<>();
    for (int f = 0; f < key.size(); f++) {
      out.add(key.get(f));
    }
    out.add((long) rows.size());
    for (int s = 0; s < plan.scoreItems().length; s++) {
      out.add(ScoreStage.orNull(result.score()[s]));
      if (weighted) {
        out.add(ScoreStage.orNull(unweighted.score()[s]));
      }
      out.add(result.scoreBase()[s]);
    }
    for (int j = 0; j < itemField.length; j++) {
      out.add(ScoreStage.orNull(result.itemMean()[j]));
      if (weighted) {
        out.add(ScoreStage.orNull(unweighted.itemMean()[j]));
      }
      out.add(ScoreStage.orNull(result.itemPositive()[j]));
      if (weighted) {
        out.add(ScoreStage.orNull(unweighted.itemPositive()[j]));
      }
      out.add(result.itemBase()[j]);
    }
    return ScoreStage.row(out);
  }
}
