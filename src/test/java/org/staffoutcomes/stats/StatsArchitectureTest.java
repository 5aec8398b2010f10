package org.staffoutcomes.stats;

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
 * The stats package is pure Java: it must not depend on Spark or Scala, so it can be tested and
 * reused without a Spark session.
 */
@AnalyzeClasses(
    packages = "org.staffoutcomes.stats",
    importOptions = ImportOption.DoNotIncludeTests.class)
class StatsArchitectureTest {

  @ArchTest
  static final ArchRule STATS_DEPENDS_ON_NO_SPARK_OR_SCALA = noClasses()
      .that().resideInAPackage("org.staffoutcomes.stats..")
      .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..");

  /** Shows the rule can fail: these test-only classes break it and must be reported. */
  @Test
  void ruleCatchesASparkOrScalaDependency() {
    JavaClasses usesSpark = new ClassFileImporter().importClasses(UsesSpark.class);
    JavaClasses usesScala = new ClassFileImporter().importClasses(UsesScala.class);
    JavaClasses clean = new ClassFileImporter().importClasses(Correlation.class);
    assertThrows(AssertionError.class, () -> STATS_DEPENDS_ON_NO_SPARK_OR_SCALA.check(usesSpark));
    assertThrows(AssertionError.class, () -> STATS_DEPENDS_ON_NO_SPARK_OR_SCALA.check(usesScala));
    STATS_DEPENDS_ON_NO_SPARK_OR_SCALA.check(clean); // and passes on a stats class
  }

  /** A test-only class in org.staffoutcomes.stats that references a Spark type. */
  static final class UsesSpark {
    org.apache.spark.sql.Row row;
  }

  /** A test-only class in org.staffoutcomes.stats that references a Scala type. */
  static final class UsesScala {
    scala.Option<String> option;
  }
}
