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
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The generated files honour the layout contract in {@code data-schemas/sample/*.yaml}, read here
 * from the YAML itself: file names, headers, required values, types (ordinal levels included),
 * thousands separators, ranges, patterns, allowed values, keys unique over the dataset, periods
 * written in the declared format (year, financial year, month and date patterns, rolling months)
 * and agreeing with the periods in the file names, and organisations known to the reference; and
 * the mergers of the succession file hold in every dataset: no predecessor has a row dated on or
 * after its merger, no successor one before (a calendar-year survey of the merger year is the
 * successor's).
 */
class SampleLayoutContractTest {

  private static final Path SCHEMAS = Path.of("data-schemas", "sample");

  @TempDir Path landing;

  private final Map<String, Set<String>> keysByDataset = new HashMap<>();
  private final Map<String, Set<String>> valuesSeen = new HashMap<>();
  private final Set<String> orgCodes = new HashSet<>();
  /** Code -> the month a merger ended it (predecessors) or began it (successors). */
  private final Map<String, YearMonth> endedIn = new HashMap<>();
  private final Map<String, YearMonth> begunIn = new HashMap<>();

  @Test
  void everyFileMatchesItsDescriptor() throws IOException {
    SampleGenerator.generate(landing, new SampleOptions(99L, 60, 2016, 2024));
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode catalog = yaml.readTree(SCHEMAS.resolve("catalog.yaml").toFile());
    List<JsonNode> descriptors = new ArrayList<>();
    for (JsonNode name : catalog.get("datasets")) {
      descriptors.add(yaml.readTree(SCHEMAS.resolve(name.asText()).toFile()));
    }
    assertEquals(14, descriptors.size());
    OutcomeFiles.rows(landing.resolve("organisations.csv"))
        .forEach(r -> orgCodes.add(r.get("ODS code")));
    for (CSVRecord r : OutcomeFiles.rows(landing.resolve("successors/succ.csv"))) {
      YearMonth effective = YearMonth.parse(r.get("Effective Date").substring(0, 6),
          java.time.format.DateTimeFormatter.ofPattern("yyyyMM"));
      endedIn.put(r.get("Predecessor Organisation Code"), effective);
      begunIn.put(r.get("Successor Organisation Code"), effective);
    }
    assertTrue(begunIn.size() >= 3, "mergers: " + begunIn);
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
    for (JsonNode d : descriptors) {
      for (JsonNode column : d.get("columns")) {
        JsonNode listed = column.has("levels") ? column.get("levels") : column.get("allowed");
        if (listed != null) {
          Set<String> seen = valuesSeen.get(d.get("name").asText() + "." + column.get("name").asText());
          listed.forEach(v -> assertTrue(seen.contains(v.asText()),
              d.get("name").asText() + " never shows " + v.asText()));
        }
      }
    }
  }

  private void checkFile(String file, JsonNode descriptor, Matcher fileName) throws IOException {
    Set<String> missing = new HashSet<>(Set.of(""));
    JsonNode csv = descriptor.get("csv");
    if (csv != null && csv.has("missing")) {
      csv.get("missing").forEach(m -> missing.add(m.asText()));
    }
    boolean thousands = csv != null && csv.has("thousands");
    String dataset = descriptor.get("name").asText();
    List<JsonNode> columns = new ArrayList<>();
    descriptor.get("columns").forEach(columns::add);
    Set<String> keys = keysByDataset.computeIfAbsent(dataset, d -> new HashSet<>());
    try (Reader in = Files.newBufferedReader(landing.resolve(file), StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .get().parse(in)) {
      List<String> header = parser.getHeaderNames();
      // A survey dataset declares its leading columns; the items follow under the year's codes
      // (checked by ingesting the sample: SampleRunEndToEndTest quarantines nothing).
      assertEquals(columns.stream().map(c -> c.get("source").asText()).toList(),
          descriptor.has("survey") ? header.subList(0, Math.min(columns.size(), header.size())) : header, file);
      int rows = 0;
      for (CSVRecord row : parser) {
        rows++;
        for (JsonNode column : columns) {
          checkValue(file, row, column, missing, thousands);
          if (column.has("levels") || column.has("allowed")) {
            valuesSeen.computeIfAbsent(dataset + "." + column.get("name").asText(),
                k -> new HashSet<>()).add(row.get(column.get("source").asText()));
          }
        }
        StringBuilder key = new StringBuilder();
        JsonNode period = descriptor.get("period");
        if (period != null && period.has("file_group")) {
          key.append(fileName.group(period.get("file_group").asText())).append('|');
        }
        for (JsonNode k : descriptor.get("key")) {
          key.append(value(row, columns, k.asText())).append('|');
        }
        assertTrue(keys.add(key.toString()), file + ": key repeated in " + dataset + ": " + key);
        String role = descriptor.get("role").asText();
        if (role.equals("successors")) {
          for (String code
              : List.of(value(row, columns, "old_code"), value(row, columns, "new_code"))) {
            assertTrue(orgCodes.contains(code), file + ": unknown organisation " + code);
          }
        } else if (!role.equals("organisations")) {
          String org = value(row, columns, descriptor.get("organisation").asText());
          assertTrue(orgCodes.contains(org), file + ": unknown organisation " + org);
          YearMonth[] months = checkPeriod(file, descriptor, fileName, row, columns);
          checkMergers(file + " line " + row.getRecordNumber(), org, months,
              descriptor.get("period").get("format").asText());
        }
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
        assertTrue(text.matches("-?\\d{1,3}(,\\d{3})+"), where + ": " + text);
      }
      double v = type.equals("integer") ? Long.parseLong(plain) : Double.parseDouble(plain);
      JsonNode range = column.get("range");
      if (range != null) {
        assertTrue(v >= range.get(0).asDouble() && v <= range.get(1).asDouble(),
            where + " out of range: " + text);
      }
    } else if (type.equals("ordinal")) {
      List<String> levels = new ArrayList<>();
      column.get("levels").forEach(l -> levels.add(l.asText()));
      assertTrue(levels.contains(text), where + " is not a level: " + text);
    } else {
      assertEquals("string", type, where);
    }
    if (column.has("pattern")) {
      assertTrue(Pattern.compile(column.get("pattern").asText()).matcher(text).matches(),
          where + " pattern: " + text);
    }
    if (column.has("allowed")) {
      List<String> allowed = new ArrayList<>();
      column.get("allowed").forEach(a -> allowed.add(a.asText()));
      assertTrue(allowed.contains(text), where + " not allowed: " + text);
    }
  }

  /**
   * The row's period is written in the declared format, and agrees with the file name's named
   * groups: {@code period} (the same text), {@code year} (the financial year for {@code
   * FY<year>} names, else the calendar year), {@code month} (the month's English name).
   */
  private static YearMonth[] checkPeriod(String file, JsonNode descriptor, Matcher fileName,
      CSVRecord row, List<JsonNode> columns) {
    JsonNode period = descriptor.get("period");
    String text = period.has("column")
        ? value(row, columns, period.get("column").asText())
        : fileName.group(period.get("file_group").asText());
    YearMonth[] months;
    try {
      months = DescriptorPeriods.parse(text, period.get("format").asText(),
          period.path("pattern").asText(null));
    } catch (RuntimeException e) {
      throw new AssertionError(file + " line " + row.getRecordNumber() + ": " + e.getMessage(), e);
    }
    String files = fileName.pattern().pattern();
    if (files.contains("?<period>")) {
      assertEquals(fileName.group("period"), text, file);
    }
    if (files.contains("?<year>")) {
      int year = Integer.parseInt(fileName.group("year"));
      int rowYear = files.contains("FY(?<year>")
          ? DescriptorPeriods.financialYear(months[0]) : months[0].getYear();
      assertEquals(year, rowYear, file + ": " + text + " outside the file's year");
    }
    if (files.contains("?<month>")) {
      Month month = months[0].getMonth();
      assertEquals(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH), fileName.group("month"),
          file + ": " + text);
    }
    return months;
  }

  /**
   * A predecessor's period ends before the month its merger took effect; a successor's starts in
   * or after it, or (a calendar-year period) lies in the merger's year or later.
   */
  private void checkMergers(String where, String org, YearMonth[] months, String format) {
    YearMonth ended = endedIn.get(org);
    if (ended != null) {
      assertTrue(months[1].isBefore(ended), where + ": " + org + " merged in " + ended
          + " but has a row for " + months[0] + " to " + months[1]);
    }
    YearMonth begun = begunIn.get(org);
    if (begun != null) {
      boolean inTime = format.equals("year")
          ? months[0].getYear() >= begun.getYear() : !months[0].isBefore(begun);
      assertTrue(inTime, where + ": " + org + " began in " + begun + " but has a row for "
          + months[0] + " to " + months[1]);
    }
  }

  private static String value(CSVRecord row, List<JsonNode> columns, String name) {
    for (JsonNode c : columns) {
      if (c.get("name").asText().equals(name)) {
        return row.get(c.get("source").asText());
      }
    }
    throw new AssertionError("no column " + name);
  }
}
