package org.staffoutcomes.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.csv.CSVPrinter;

/**
 * Rows of a monthly dataset collected per month (they are drawn a financial year per organisation
 * at a time), then written to files in month order, each month's rows in organisation order.
 */
final class MonthlyRows {

  private final Map<YearMonth, List<List<String>>> rows = new TreeMap<>();

  void add(YearMonth month, List<String> row) {
    rows.computeIfAbsent(month, m -> new ArrayList<>()).add(row);
  }

  /**
   * Writes every month's rows to the file {@code fileName} gives for it under {@code folder}
   * (several months may share a file).
   */
  SampleSummary.DatasetCount write(String dataset, Path folder,
      Function<YearMonth, String> fileName, String... header) throws IOException {
    Map<String, List<YearMonth>> files = new LinkedHashMap<>();
    for (YearMonth month : rows.keySet()) {
      files.computeIfAbsent(fileName.apply(month), f -> new ArrayList<>()).add(month);
    }
    long count = 0;
    for (Map.Entry<String, List<YearMonth>> file : files.entrySet()) {
      try (CSVPrinter out = Csv.open(folder.resolve(file.getKey()), header)) {
        for (YearMonth month : file.getValue()) {
          for (List<String> row : rows.get(month)) {
            out.printRecord(row);
            count++;
          }
        }
      }
    }
    return new SampleSummary.DatasetCount(dataset, files.size(), count);
  }
}
