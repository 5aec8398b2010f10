package org.staffoutcomes.sample;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code inpatient-survey/inpatient_survey_<year>.csv}, one file per calendar year from the first
 * survey year to the year after the last (for lag 1), acute trusts only.
 */
final class InpatientSurveyWriter {

  static final String DATASET = "inpatient_survey";

  private InpatientSurveyWriter() {}

  static String fileName(int year) {
    return "inpatient_survey_" + year + ".csv";
  }

  static SampleSummary.DatasetCount write(Path landingDir, SampleWorld world) throws IOException {
    SampleOptions options = world.options();
    Rng rng = world.stream("inpatient-survey");
    long rows = 0;
    int files = 0;
    for (int year = options.firstYear(); year <= options.lastOutcomeYear(); year++) {
      try (CSVPrinter out = Csv.open(
          landingDir.resolve("inpatient-survey").resolve(fileName(year)),
          "Trust code", "Trust name", "Survey year", "Overall experience score", "Respondents")) {
        files++;
        for (Organisation org : world.organisations()) {
          if (!world.coverage().outcomeRow(OutcomeSpec.PATIENT_EXPERIENCE, org, year)) {
            continue;
          }
          double score = OutcomeSpec.PATIENT_EXPERIENCE.value(org.group(), year,
              world.latent().outcome(OutcomeSpec.PATIENT_EXPERIENCE, org, year));
          long respondents = Math.round(Math.max(200, Math.min(1000, rng.gaussian(520, 100))));
          out.printRecord(org.code(), org.name(), Integer.toString(year),
              Csv.fixed(score, 2), Long.toString(respondents));
          rows++;
        }
      }
    }
    return new SampleSummary.DatasetCount(DATASET, files, rows);
  }
}
