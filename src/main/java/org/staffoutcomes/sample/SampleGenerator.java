package org.staffoutcomes.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.staffoutcomes.config.Settings;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.schema.QuestionCatalogue;

/**
 * Writes a synthetic, seeded national "landing area" in the layouts of {@code
 * data-schemas/sample/*.yaml}: the organisation reference and the mergers between organisations
 * (a succession file), one NHS Staff Survey results file per
 * survey year; SHMI, sickness absence and inpatient survey files per (financial) year; monthly
 * respondent microdata and their response distributions in the years the question catalogue
 * maps; Friends and Family Test, healthcare-associated infection, A&E and referral-to-treatment files;
 * trust accounts and the CQC ratings history; plus {@code truth.json} with the correlations
 * planted between staff engagement and the outcomes and the true coefficients of the effects
 * planted for regression models.
 *
 * <p>Steps, each with its own random stream derived from the seed (so the same seed and options
 * give byte-identical files):
 *
 * <ol>
 *   <li>{@link OrganisationFactory}: codes, names, groups, regions, sizes, lifetimes, and the
 *       mergers of {@link MergerPlan} (predecessors end, a successor with a new code begins);
 *   <li>{@link Coverage}: which organisation-years each dataset has;
 *   <li>{@link Calibration}: the within-year latent correlations that give the target pooled
 *       correlations on exactly those trust-years;
 *   <li>{@link LatentModel}: latent engagement and outcomes;
 *   <li>{@link CorrelationFit}: the outcomes' coefficients fine-tuned so the drawn sample shows
 *       the target correlations;
 *   <li>{@link PlantedEffects}: SHMI's prior-outcome effect and sickness absence's within-trust
 *       effect, for regression models, likewise showing the target correlations;
 *   <li>one writer per dataset layout; {@link CqcHistory} draws the inspections and ratings;
 *   <li>{@link TruthWriter}.
 * </ol>
 *
 * <p>Files of the sample's layouts already in the landing area that this run does not write (e.g.
 * from a run over more years) are deleted first; nothing else is touched.
 */
public final class SampleGenerator {

  private static final List<String[]> LAYOUTS = List.of(
      new String[] {"successors", "succ\\.csv"},
      new String[] {"staff-survey", "NSS\\d{4}_organisation_results\\.csv"},
      new String[] {"staff-microdata", "NSS\\d{4}_respondents\\.csv"},
      new String[] {"staff-survey-responses", "NSS\\d{4}_response_counts\\.csv"},
      new String[] {"shmi", "SHMI_[A-Z]{3}\\d{2}_[A-Z]{3}\\d{2}\\.csv"},
      new String[] {"sickness-absence", "sickness_absence_FY\\d{4}-\\d{2}\\.csv"},
      new String[] {"inpatient-survey", "inpatient_survey_\\d{4}\\.csv"},
      new String[] {"fft", "FFT_Inpatient_[A-Z][a-z]{2}-\\d{2}\\.csv"},
      new String[] {"hcai", "hcai_\\d{4}\\.csv"},
      new String[] {"ae", "AE_\\d{4}-\\d{2}\\.csv"},
      new String[] {"rtt", "RTT_[A-Z][a-z]+_\\d{4}\\.csv"},
      new String[] {"finance", "trust_accounts\\.csv"},
      new String[] {"cqc", "cqc_ratings\\.csv"});

  private SampleGenerator() {}

  /**
   * Generates the sample under {@code landingDir} (created if needed).
   *
   * @return files and rows written per dataset
   * @throws UncheckedIOException when a file cannot be written
   */
  public static SampleSummary generate(Path landingDir, SampleOptions options) {
    return generate(landingDir, options, CatalogLoader.questions(Settings.schemasHome()));
  }

  /**
   * Generates the sample, with respondent microdata and response distributions coded by the
   * years of question catalogue {@code questions}.
   */
  public static SampleSummary generate(Path landingDir, SampleOptions options, QuestionCatalogue questions) {
    return generate(landingDir, options, questions, Runtime.getRuntime().availableProcessors());
  }

  /** Generates the sample with its writers on {@code threads} threads (the files do not depend on it). */
  static SampleSummary generate(Path landingDir, SampleOptions options, QuestionCatalogue questions,
      int threads) {
    SampleWorld world = draw(options);
    try {
      Files.createDirectories(landingDir);
      removeStaleFiles(landingDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sample under " + landingDir, e);
    }
    try (Tasks tasks = new Tasks(threads)) {
      // The respondent microdata (the most work) first, so that the small writers fill in around them.
      Supplier<List<SampleSummary.DatasetCount>> microdata =
          MicrodataWriter.write(landingDir, world, questions, tasks);
      List<Supplier<SampleSummary.DatasetCount>> started = new ArrayList<>();
      started.add(tasks.submit(() -> OrganisationsWriter.write(landingDir, world)));
      started.add(tasks.submit(() -> SuccessorsWriter.write(landingDir, world)));
      started.add(tasks.submit(() -> StaffSurveyWriter.write(landingDir, world)));
      started.add(tasks.submit(() -> ShmiWriter.write(landingDir, world)));
      started.add(tasks.submit(() -> SicknessAbsenceWriter.write(landingDir, world)));
      started.add(tasks.submit(() -> InpatientSurveyWriter.write(landingDir, world)));
      started.add(tasks.submit(() -> FftWriter.write(landingDir, world)));
      started.add(tasks.submit(() -> HcaiWriter.write(landingDir, world)));
      started.add(tasks.submit(() -> AeWriter.write(landingDir, world)));
      started.add(tasks.submit(() -> RttWriter.write(landingDir, world)));
      started.add(tasks.submit(() -> FinanceWriter.write(landingDir, world)));
      started.add(tasks.submit(() -> {
        CqcHistory cqc = CqcHistory.draw(world);
        SampleSummary.DatasetCount written = CqcWriter.write(landingDir, cqc);
        TruthWriter.write(landingDir, world, cqc.inForceSpearman(world));
        return written;
      }));
      List<SampleSummary.DatasetCount> counts = new ArrayList<>();
      for (Supplier<SampleSummary.DatasetCount> s : started) {
        counts.add(s.get());
        if (counts.size() == 3) {
          counts.addAll(microdata.get());
        }
      }
      return new SampleSummary(landingDir, options, counts);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot write the sample under " + landingDir, e.getCause());
    }
  }

  /** Everything but the files: organisations, coverage and the calibrated latent model. */
  static SampleWorld draw(SampleOptions options) {
    long seed = options.seed();
    List<Organisation> orgs =
        OrganisationFactory.create(options, Rng.stream(seed, "organisations"));
    Successions successions = Successions.of(orgs);
    Coverage coverage = Coverage.plan(orgs, options, Rng.stream(seed, "coverage"));
    double[][] rho = Calibration.withinRho(successions, coverage, options);
    LatentModel latent =
        LatentModel.simulate(orgs, successions, options, rho, Rng.stream(seed, "latent"));
    SampleWorld drawn = new SampleWorld(options, orgs, successions, coverage, latent, null);
    return new SampleWorld(options, orgs, successions, coverage, CorrelationFit.fit(drawn),
        PlantedEffects.fit(drawn));
  }

  private static void removeStaleFiles(Path landingDir) throws IOException {
    for (String[] layout : LAYOUTS) {
      Path dir = landingDir.resolve(layout[0]);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      Pattern name = Pattern.compile(layout[1]);
      List<Path> stale;
      try (Stream<Path> files = Files.list(dir)) {
        stale = files.filter(Files::isRegularFile)
            .filter(f -> name.matcher(f.getFileName().toString()).matches())
            .sorted()
            .toList();
      }
      for (Path f : stale) {
        Files.delete(f);
      }
    }
  }
}
