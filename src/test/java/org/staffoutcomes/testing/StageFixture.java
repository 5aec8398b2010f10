package org.staffoutcomes.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;

/**
 * The tiny landing area of the stage tests (catalog in src/test/resources/stage-catalog/):
 * three organisations, two survey years, monthly absence around the March/April boundary, and
 * one bad and one duplicated line.
 */
public final class StageFixture {

  private StageFixture() {}

  public static Catalog catalog() {
    return CatalogLoader.load(Path.of("src/test/resources/stage-catalog"));
  }

  public static Path write(Path landing) throws IOException {
    file(landing, "orgs.csv", """
        code,name,type,group
        RAA,Alpha Hospital,Acute,Acute reference group
        RBB,"Beta, Mental Health",Mental health,MH
        RCC,Gamma Hospital,Acute,
        """);
    file(landing, "staff/staff_2019.csv", """
        code,year,engagement,base,group
        RAA,2019,7.0,"1,000",Acute 2019
        RBB,2019,3.82666666666667,1142,
        RCC,2019,abc,300,Acute 2019
        """);
    file(landing, "staff/staff_2020.csv", """
        code,year,engagement,base,group
        RAA,2020,7.2,"1,100",Acute 2020
        RBB,2020,6.6,NA,
        RAA,2020,9.9,50,duplicate
        RCC,2020,5.5,10,Acute 2020
        """);
    file(landing, "absence.csv", """
        month,code,lost,available
        2019-04,RAA,10,100
        2020-03,RAA,60,300
        2020-04,RAA,5,100
        2019-04,RBB,1,100
        2021-03,RAA,15,100
        """);
    file(landing, "experience_2019.csv", """
        code,score
        RAA,8.1
        RBB,7.9
        """);
    file(landing, "experience_2020.csv", """
        code,score
        RAA,8.3
        """);
    return landing;
  }

  private static void file(Path root, String name, String text) throws IOException {
    Path p = root.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
