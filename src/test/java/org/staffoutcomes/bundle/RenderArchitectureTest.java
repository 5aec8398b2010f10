package org.staffoutcomes.bundle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Drawing is not computing: the render stage ({@code bundle}) and the charts read the tables the
 * analysis wrote and start no Spark. Nothing they use, directly or through other classes, may
 * depend on Spark or Scala (a render run must work with no Spark on the class path). The same
 * holds for the panel and the analysis: their inputs are trust-level tables, computed on the
 * driver in plain Java.
 */
@AnalyzeClasses(packages = "org.staffoutcomes", importOptions = ImportOption.DoNotIncludeTests.class)
class RenderArchitectureTest {

  @ArchTest
  static final ArchRule STAGES_ON_THE_DRIVER_NEVER_REACH_SPARK = noClasses()
      .that().resideInAnyPackage("org.staffoutcomes.bundle..", "org.staffoutcomes.charts..",
          "org.staffoutcomes.panel..", "org.staffoutcomes.analysis..")
      .should().transitivelyDependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..");

  /** Shows the rule can fail: a test-only class in the bundle package that reaches Spark through another class. */
  @Test
  void ruleCatchesASparkDependencyThroughAnotherClass() {
    JavaClasses classes = new ClassFileImporter().importClasses(ReachesSpark.class, UsesSpark.class);
    assertThrows(AssertionError.class, () -> STAGES_ON_THE_DRIVER_NEVER_REACH_SPARK.check(classes));
    STAGES_ON_THE_DRIVER_NEVER_REACH_SPARK.check(new ClassFileImporter().importClasses(BundleData.class));
  }

  static final class ReachesSpark {
    Object use() {
      return new UsesSpark().session();
    }
  }

  static final class UsesSpark {
    org.apache.spark.sql.SparkSession session() {
      return null;
    }
  }
}
