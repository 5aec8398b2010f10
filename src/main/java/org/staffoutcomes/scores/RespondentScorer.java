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
import org.staffoutcomes.schema.QuestionCatalogue;
import org.staffoutcomes.stats.SurveyScoring;

/** Runs on an executor: one organisation-year's respondents in, its score row out. */
final class RespondentScorer implements Serializable {

  private final DatasetDescriptor d;
  private final List<String> attributes;
  private final int[] itemField;
  private final int groupField;
  private final int yearField;
  private final Map<Integer, Map<String, Double>> national;

  RespondentScorer(DatasetDescriptor d, List<String> attributes, StructType schema,
      Map<Integer, Map<String, Double>> national) {
    this.d = d;
    this.attributes = List.copyOf(attributes);
    QuestionCatalogue q = d.survey().catalogue();
    this.itemField = q.items().stream().mapToInt(i -> schema.fieldIndex(i.column())).toArray();
    this.groupField = schema.fieldIndex(d.survey().occupationGroup());
    this.yearField = schema.fieldIndex(LakeRows.YEAR);
    this.national = national;
  }

  Row score(Iterable<Row> respondents) {
    List<Row> rows = new ArrayList<>();
    respondents.forEach(rows::add);
    Row first = rows.get(0);
    int year = first.getInt(yearField);
    QuestionCatalogue q = d.survey().catalogue();
    SurveyScoring.Plan plan = ScorePlans.plan(q, q.year(year).orElseThrow());
    List<String> groups = new ArrayList<>(national.get(year).keySet());
    double[] reference = groups.stream().mapToDouble(g -> national.get(year).get(g)).toArray();
    int[][] answers = new int[rows.size()][itemField.length];
    int[] group = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      for (int j = 0; j < itemField.length; j++) {
        answers[i][j] = r.isNullAt(itemField[j]) ? 0 : (int) r.getLong(itemField[j]);
      }
      group[i] = groups.indexOf(r.getString(groupField));
    }
    double[] ones = new double[rows.size()];
    Arrays.fill(ones, 1.0);
    SurveyScoring.Result unweighted = SurveyScoring.score(answers, ones, plan);
    boolean weighted = d.survey().weighted();
    SurveyScoring.Result result = weighted
        ? SurveyScoring.score(answers, SurveyScoring.weightsToReference(group, reference), plan) : unweighted;
    List<Object> out = ScoreStage.keyFields(first, d, attributes, rows);
    out.add((long) rows.size());
    for (int s = 0; s < q.scores().size(); s++) {
      out.add(ScoreStage.orNull(result.score()[s]));
      if (weighted) {
        out.add(ScoreStage.orNull(unweighted.score()[s]));
      }
      out.add(result.scoreBase()[s]);
    }
    for (int j = 0; j < q.items().size(); j++) {
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
