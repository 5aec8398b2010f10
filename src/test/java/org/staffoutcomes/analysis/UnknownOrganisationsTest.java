package org.staffoutcomes.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;

/** Which panel rows are left out as unknown organisations, and how they are listed. */
class UnknownOrganisationsTest {

  private static final Catalog STAGE = CatalogLoader.load(Path.of("src/test/resources/stage-catalog"));
  private static final List<String> COLUMNS = List.of("org_code", "survey_year", "engagement", "engagement_n",
      "experience", "experience_n", "experience_periods");

  private static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"RAA", 2019, 7.0, 1000.0, 8.1, 10.0, 1L});
    rows.add(new Object[] {"RZZ", 2019, 6.0, 500.0, null, null, 0L});
    rows.add(new Object[] {"RZZ", 2020, 6.1, 400.0, 6.5, 3.0, 1L});
    rows.add(new Object[] {"RYY", 2021, null, null, 7.0, 2.0, 1L});
    return rows;
  }

  @Test
  void codesNoReferenceKnowsAreLeftOutAndListed() {
    UnknownOrganisations.Split split = UnknownOrganisations.split(STAGE, COLUMNS, rows(), Optional.of(Set.of("RAA")));
    assertEquals(1, split.analysed().size());
    assertEquals("RAA", split.analysed().org(0));
    assertEquals(2, split.unknown().size());
    UnknownOrganisation ryy = split.unknown().get(0);
    assertEquals("RYY", ryy.orgCode());
    assertEquals(List.of("experience"), ryy.datasets(), "no staff value: staff is not listed");
    UnknownOrganisation rzz = split.unknown().get(1);
    assertEquals(List.of("staff", "experience"), rzz.datasets(), "catalog order");
    assertEquals(List.of(2019, 2020), rzz.surveyYears());
    assertEquals("2019-2020", rzz.describeYears());
  }

  @Test
  void withoutAnOrganisationsReferenceNothingIsUnknown() {
    UnknownOrganisations.Split split = UnknownOrganisations.split(STAGE, COLUMNS, rows(), Optional.empty());
    assertEquals(4, split.analysed().size());
    assertEquals(List.of(), split.unknown());
  }
}
