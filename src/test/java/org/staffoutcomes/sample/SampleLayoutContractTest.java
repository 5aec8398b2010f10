package org.staffoutcomes.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated files honour the layout contract in {@code data-schemas/sample/*.yaml}: file names,
 * headers, required values, types, ranges, patterns, allowed values and unique keys.
 */
class SampleLayoutContractTest {

  private static final Path SCHEMAS = Path.of("data-schemas", "sample");

  @TempDir Path landing;

  @Test
  void everyFileMatchesItsDescriptor() throws IOException {
    SampleGenerator.generate(landing, new SampleOptions(99L, 60, 2016, 2024));
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode catalog = yaml.readTree(SCHEMAS.resolve("catalog.yaml").toFile());
    List<JsonNode> descriptors = new ArrayList<>();
    for (JsonNode name : catalog.get("datasets")) {
      descriptors.add(yaml.readTree(SCHEMAS.resolve(name.asText()).toFile()));
    }
    List<String> files;
    try (Stream<Path> walk = Files.walk(landing)) {
      files = walk.filter(Files::isRegularFile)
          .map(f -> landing.relativize(f).toString().replace('\\', '/'))
          .filter(f -> !f.equals("truth.json"))
          .sorted()
          .toList();
    }
    Set<String> matchedDatasets = new HashSet<>();
    for (String file : files) {
      JsonNode descriptor = null;
      Matcher match = null;
      for (JsonNode d : descriptors) {
        Matcher m = Pattern.compile(d.get("files").asText()).matcher(file);
        if (m.matches()) {
          assertTrue(descriptor == null, file + " matches two descriptors");
          descriptor = d;
          match = m;
        }
      }
      if (descriptor == null) {
        fail(file + " matches no descriptor");
      }
      matchedDatasets.add(descriptor.get("name").asText());
      checkFile(file, descriptor, match);
    }
    assertEquals(descriptors.size(), matchedDatasets.size(), "every dataset has files");
  }

  private void checkFile(String file, JsonNode descriptor, Matcher fileName) throws IOException {
    Set<String> missing = new HashSet<>(Set.of(""));
    JsonNode csv = descriptor.get("csv");
    if (csv != null && csv.has("missing")) {
      csv.get("missing").forEach(m -> missing.add(m.asText()));
    }
    boolean thousands = csv != null && csv.has("thousands");
    List<JsonNode> columns = new ArrayList<>();
    descriptor.get("columns").forEach(columns::add);
    try (Reader in = Files.newBufferedReader(landing.resolve(file), StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .get().parse(in)) {
      assertEquals(columns.stream().map(c -> c.get("source").asText()).toList(),
          parser.getHeaderNames(), file);
      Set<String> keys = new HashSet<>();
      int rows = 0;
      for (CSVRecord row : parser) {
        rows++;
        for (JsonNode column : columns) {
          checkValue(file, row, column, missing, thousands);
        }
        StringBuilder key = new StringBuilder();
        for (JsonNode k : descriptor.get("key")) {
          key.append(value(row, columns, k.asText())).append('|');
        }
        assertTrue(keys.add(key.toString()), file + ": duplicate key " + key);
        checkPeriod(file, fileName, row, columns);
      }
      assertTrue(rows > 0, file + " has rows");
    }
  }

  private static void checkValue(String file, CSVRecord row, JsonNode column, Set<String> missing,
      boolean thousands) {
    String where = file + " line " + row.getRecordNumber() + " " + column.get("source").asText();
    String text = row.get(column.get("source").asText());
    if (missing.contains(text)) {
      assertTrue(!column.path("required").asBoolean(false), where + " is required");
      return;
    }
    String type = column.get("type").asText();
    if (type.equals("integer") || type.equals("double")) {
      String plain = thousands ? text.replace(",", "") : text;
      if (thousands && text.contains(",")) {
        assertTrue(text.matches("\\d{1,3}(,\\d{3})+"), where + ": " + text);
      }
      double v = type.equals("integer") ? Long.parseLong(plain) : Double.parseDouble(plain);
      JsonNode range = column.get("range");
      if (range != null) {
        assertTrue(v >= range.get(0).asDouble() && v <= range.get(1).asDouble(),
            where + " out of range: " + text);
      }
    }
    if (column.has("pattern")) {
      assertTrue(Pattern.compile(column.get("pattern").asText()).matcher(text).find(),
          where + " pattern: " + text);
    }
    if (column.has("allowed")) {
      List<String> allowed = new ArrayList<>();
      column.get("allowed").forEach(a -> allowed.add(a.asText()));
      assertTrue(allowed.contains(text), where + " not allowed: " + text);
    }
  }

  /** The year or period in the file name agrees with the rows. */
  private static void checkPeriod(String file, Matcher fileName, CSVRecord row,
      List<JsonNode> columns) {
    if (fileName.pattern().pattern().contains("?<period>")) {
      assertEquals(fileName.group("period"), value(row, columns, "time_period"), file);
    } else if (fileName.pattern().pattern().contains("?<year>")) {
      int year = Integer.parseInt(fileName.group("year"));
      String month = value(row, columns, "month");
      if (month != null) {
        int y = Integer.parseInt(month.substring(0, 4));
        int m = Integer.parseInt(month.substring(5, 7));
        assertEquals(year, m >= 4 ? y : y - 1, file + ": " + month + " outside the FY");
      } else {
        assertEquals(Integer.toString(year), value(row, columns, "survey_year"), file);
      }
    }
  }

  private static String value(CSVRecord row, List<JsonNode> columns, String name) {
    for (JsonNode c : columns) {
      if (c.get("name").asText().equals(name)) {
        return row.get(c.get("source").asText());
      }
    }
    return null;
  }
}
