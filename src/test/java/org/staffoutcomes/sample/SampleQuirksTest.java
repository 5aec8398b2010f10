package org.staffoutcomes.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outcome files keep the quirks of their published layouts: suppressed FFT percentages and the
 * 2020 pause, quoted thousands separators and negative amounts, SHMI periods straddling financial
 * years, several ways of writing a month, and a CQC history of reports every one to four years.
 */
class SampleQuirksTest {

  @TempDir static Path tmp;
  private static Path landing;

  @BeforeAll
  static void generate() {
    landing = tmp.resolve("default");
    SampleGenerator.generate(landing, SampleOptions.defaults());
  }

  @Test
  void fftSuppressesSmallMonthsAndPausedIn2020() throws IOException {
    int suppressed = 0;
    int rows = 0;
    for (CSVRecord r : all("fft")) {
      rows++;
      boolean star = r.get("Percentage positive").equals("*");
      long responses = Long.parseLong(r.get("Total responses"));
      assertEquals(responses < 5, star, r.toString());
      if (!star) {
        assertTrue(r.get("Percentage positive").matches("\\d{1,3}"), "whole percentages");
      }
      suppressed += star ? 1 : 0;
    }
    assertTrue(suppressed > 20 && suppressed < rows / 20, "suppressed " + suppressed);
    assertTrue(Files.exists(landing.resolve("fft/FFT_Inpatient_Apr-13.csv")));
    assertTrue(Files.notExists(landing.resolve("fft/FFT_Inpatient_Mar-13.csv")), "from April 2013");
    assertTrue(Files.exists(landing.resolve("fft/FFT_Inpatient_Mar-20.csv")));
    assertTrue(Files.notExists(landing.resolve("fft/FFT_Inpatient_Jun-20.csv")), "paused");
    assertTrue(Files.exists(landing.resolve("fft/FFT_Inpatient_Dec-20.csv")));
    assertTrue(Files.exists(landing.resolve("fft/FFT_Inpatient_Sep-19.csv")), "Sep, not Sept");
  }

  @Test
  void someFilesQuoteThousandsSeparatorsAndDeficitsArePlainNegatives() throws IOException {
    String grouped = "(?s).*\"\\d{1,3},\\d{3}\".*";
    for (int year = 2012; year <= 2026; year++) {
      String text = Files.readString(landing.resolve("hcai/hcai_" + year + ".csv"));
      assertEquals(year % 2 != 0, text.matches(grouped), "hcai_" + year);
    }
    String finance = Files.readString(landing.resolve("finance/trust_accounts.csv"));
    assertTrue(finance.matches("(?s).*,\"-\\d{1,3},\\d{3}\",\"\\d{1,3}(,\\d{3})+\"\n.*"),
        "a quoted deficit and income");
    assertTrue(!finance.contains("(") || finance.indexOf('(') == finance.indexOf("(deficit)"),
        "no deficits in parentheses");
    long deficits = all("finance").stream()
        .filter(r -> r.get("Surplus/(deficit) £000").startsWith("-")).count();
    assertTrue(deficits > 300, "deficits: " + deficits);
  }

  @Test
  void shmiPublishesCalendarYearPeriodsBesideTheFinancialYears() throws IOException {
    for (int year = 2012; year <= 2025; year++) {
      String fy = String.format(Locale.ROOT, "APR%02d_MAR%02d", year % 100, (year + 1) % 100);
      assertTrue(Files.exists(landing.resolve("shmi/SHMI_" + fy + ".csv")), fy);
      if (year > 2012) {
        String cy = String.format(Locale.ROOT, "JAN%02d_DEC%02d", year % 100, year % 100);
        List<CSVRecord> rows = OutcomeFiles.rows(landing.resolve("shmi/SHMI_" + cy + ".csv"));
        assertTrue(rows.size() > 100, cy);
        rows.forEach(r -> assertEquals(cy, r.get("TIME_PERIOD")));
      }
    }
    assertTrue(Files.notExists(landing.resolve("shmi/SHMI_JAN12_DEC12.csv")));
  }

  @Test
  void monthsAreWrittenInSeveralWays() throws IOException {
    String[][] firstPeriods = {
      {"fft/FFT_Inpatient_Apr-19.csv", "Period", "Apr-19"},
      {"hcai/hcai_2019.csv", "Month", "January 2019"},
      {"ae/AE_2019-04.csv", "Period", "2019-04"},
      {"rtt/RTT_September_2019.csv", "Period", "RTT-September-2019"},
      {"sickness-absence/sickness_absence_FY2019-20.csv", "DATE", "2019-04-30"},
      {"finance/trust_accounts.csv", "Financial year", "2012/13"},
      {"shmi/SHMI_JAN19_DEC19.csv", "TIME_PERIOD", "JAN19_DEC19"}};
    for (String[] p : firstPeriods) {
      assertEquals(p[2], OutcomeFiles.rows(landing.resolve(p[0])).get(0).get(p[1]), p[0]);
    }
    all("cqc").forEach(r -> assertTrue(r.get("Publication Date").matches("\\d{2}/\\d{2}/\\d{4}")));
    CSVRecord rtt = OutcomeFiles.rows(landing.resolve("rtt/RTT_April_2019.csv")).get(0);
    String name = rtt.get("Provider Org Name");
    assertEquals(name.toUpperCase(Locale.ROOT), name, "RTT names in capitals");
  }

  @Test
  void mrsaIsRareAndCDifficileCommoner() throws IOException {
    int months = 0;
    int mrsaAtMostOne = 0;
    long mrsa = 0;
    long cdiff = 0;
    for (CSVRecord r : all("hcai")) {
      months++;
      int m = Integer.parseInt(r.get("MRSA hospital-onset"));
      mrsaAtMostOne += m <= 1 ? 1 : 0;
      mrsa += m;
      cdiff += Integer.parseInt(r.get("C. difficile hospital-onset"));
    }
    assertTrue(mrsaAtMostOne > 0.9 * months, "MRSA mostly 0 or 1 a month");
    assertTrue(cdiff > 8 * mrsa, "C. difficile " + cdiff + ", MRSA " + mrsa);
  }

  @Test
  void cqcInspectsEveryOneToFourYearsAndRatesEveryDomain() throws IOException {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    Map<String, List<LocalDate>> reports = new HashMap<>();
    Map<String, Integer> domainsPerReport = new HashMap<>();
    Map<String, Integer> overall = new HashMap<>();
    for (CSVRecord r : all("cqc")) {
      LocalDate date = LocalDate.parse(r.get("Publication Date"), f);
      assertTrue(date.getDayOfWeek() != DayOfWeek.SATURDAY
          && date.getDayOfWeek() != DayOfWeek.SUNDAY, "published on a working day");
      String report = r.get("Provider ODS Code") + "|" + date;
      if (domainsPerReport.merge(report, 1, Integer::sum) == 1) {
        reports.computeIfAbsent(r.get("Provider ODS Code"), k -> new ArrayList<>()).add(date);
      }
      if (r.get("Domain").equals("Overall")) {
        overall.merge(r.get("Rating"), 1, Integer::sum);
      }
    }
    domainsPerReport.values().forEach(n -> assertEquals(6, n));
    assertTrue(reports.size() > 200, "trusts rated: " + reports.size());
    for (List<LocalDate> dates : reports.values()) {
      assertTrue(dates.get(0).isAfter(LocalDate.of(2013, 9, 30)), "current regime");
      for (int k = 1; k < dates.size(); k++) {
        long days = ChronoUnit.DAYS.between(dates.get(k - 1), dates.get(k));
        assertTrue(days >= 363 && days <= 1462, "gap " + days);
      }
    }
    int total = overall.values().stream().mapToInt(Integer::intValue).sum();
    assertTrue(overall.get("Good") > 0.4 * total, "mostly Good: " + overall);
    assertTrue(overall.get("Outstanding") > 0.03 * total, overall.toString());
    assertTrue(overall.get("Inadequate") > 0.01 * total, overall.toString());
    assertTrue(overall.get("Requires improvement") > 0.15 * total, overall.toString());
  }

  private static List<CSVRecord> all(String folder) throws IOException {
    List<CSVRecord> rows = new ArrayList<>();
    OutcomeFiles.eachRow(landing, folder, rows::add);
    return rows;
  }
}
