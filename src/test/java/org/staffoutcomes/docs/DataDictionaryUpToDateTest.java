package org.staffoutcomes.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed data dictionary is what the catalogs under {@code data-schemas/} generate now, so
 * a descriptor change cannot leave the documentation behind.
 */
class DataDictionaryUpToDateTest {

  private static final Path COMMITTED = Path.of("notebooks-docs/data-dictionary.md");

  @Test
  void committedDictionaryMatchesTheCatalogs() throws IOException {
    String generated = DataDictionary.markdown(Catalogs.all(Path.of("data-schemas")));
    assertTrue(Files.isRegularFile(COMMITTED),
        COMMITTED + " is missing: regenerate it with `jobs/staff-outcomes dictionary` and commit it");
    String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
    assertEquals(generated, committed,
        COMMITTED + " is out of date with data-schemas/: regenerate it with `jobs/staff-outcomes dictionary`"
            + " and commit the result");
  }
}
