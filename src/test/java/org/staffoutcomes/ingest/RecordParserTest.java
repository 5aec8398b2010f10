package org.staffoutcomes.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * {@link RecordParser} with the {@code survey} test descriptor. The header puts the declared
 * columns in another order than the descriptor and adds an undeclared one, so a message's column
 * number is the column's place in the file:
 * 1 Organisation name, 2 ODS code, 3 Year, 4 Respondents, 5 Engagement score, 6 Trust type, 7 Notes.
 * Values come back in descriptor order: org_code, org_name, survey_year, respondents, engagement, trust_type.
 */
class RecordParserTest {

  private static final String FILE = "survey/NSS2019.csv";
  private static final List<String> HEADER = List.of(
      "Organisation name", "ODS code", "Year", "Respondents", "Engagement score", "Trust type", "Notes");

  private static RecordParser parser() {
    return new RecordParser(TestDescriptors.dataset("survey"), FILE, HEADER);
  }

  /** Fields of a good row, with the one at {@code index} (0-based file position) replaced. */
  private static List<String> row(int index, String value) {
    String[] f = {"Alpha Trust", "RA1", "2019", "1200", "7.1", "Acute", ""};
    f[index] = value;
    return List.of(f);
  }

  private static ParsedLine parse(int index, String value) {
    return parser().parse(row(index, value), 5, "raw text");
  }

  private static void assertReason(String reason, ParsedLine line) {
    assertEquals(reason, line.reason());
    assertNull(line.values(), "a rejected line carries no values");
    assertNull(line.period(), "a rejected line carries no period");
    assertTrue(!line.kept());
  }

  @Test
  void goodRowIsKeptWithTypedValuesInDescriptorOrderAndItsPeriod() {
    ParsedLine line = parser().parse(row(0, "Alpha Trust"), 7, "Alpha Trust,RA1,2019,1200,7.1,Acute,");
    assertTrue(line.kept());
    assertNull(line.reason());
    assertEquals(FILE, line.sourceFile());
    assertEquals(7, line.line());
    assertEquals("Alpha Trust,RA1,2019,1200,7.1,Acute,", line.raw());
    assertArrayEquals(new Object[] {"RA1", "Alpha Trust", 2019L, 1200L, 7.1, "Acute"}, line.values());
    assertEquals(new MonthInterval(YearMonth.of(2019, 1), YearMonth.of(2019, 12)), line.period());
  }

  @Test
  void valuesAreTrimmed() {
    ParsedLine line = parser().parse(List.of(" Alpha Trust ", " RA1", "2019 ", " 1200 ", " 7.1", "Acute ", ""), 2, "r");
    assertArrayEquals(new Object[] {"RA1", "Alpha Trust", 2019L, 1200L, 7.1, "Acute"}, line.values());
  }

  @Test
  void thousandsSeparatorsAreRemoved() {
    assertEquals(6513L, parse(3, "6,513").values()[3]);
    assertEquals(16513L, parse(3, "16,513").values()[3]);
    assertEquals(100000L, parse(3, "100,000").values()[3]);
  }

  @Test
  void thousandsSeparatorsInDecimalNumbers() {
    ParsedLine line = new RecordParser(TestDescriptors.dataset("rolling"), "rolling/IND_APR22_MAR23.csv",
        List.of("TIME_PERIOD", "PROVIDER_CODE", "OBSERVED", "EXPECTED"))
        .parse(List.of("APR22_MAR23", "RA1", "1,234", "1,200.5"), 2, "r");
    assertArrayEquals(new Object[] {"APR22_MAR23", "RA1", 1234L, 1200.5}, line.values());
  }

  @Test
  void misplacedThousandsSeparatorIsRejected() {
    assertReason("column 4 'Respondents': '1,23' is not a number (misplaced ',')", parse(3, "1,23"));
    assertReason("column 4 'Respondents': '12,3456' is not a number (misplaced ',')", parse(3, "12,3456"));
    assertReason("column 4 'Respondents': ',123' is not a number (misplaced ',')", parse(3, ",123"));
    assertReason("column 5 'Engagement score': '7,1' is not a number (misplaced ',')", parse(4, "7,1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NA", "-", "*", "", "  "})
  void missingTokensBecomeNullInOptionalColumns(String token) {
    ParsedLine line = parse(4, token);
    assertTrue(line.kept(), line.reason());
    assertNull(line.values()[4]);
    ParsedLine name = parse(0, token);
    assertTrue(name.kept(), name.reason());
    assertNull(name.values()[1]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NA", "-", "*", ""})
  void missingTokensInRequiredColumnsAreReasons(String token) {
    assertReason("column 4 'Respondents': required value is missing ('" + token + "')", parse(3, token));
    assertReason("column 2 'ODS code': required value is missing ('" + token + "')", parse(1, token));
  }

  @Test
  void outOfRangeValues() {
    assertReason("column 5 'Engagement score': '10.5' is outside the range [0, 10]", parse(4, "10.5"));
    assertReason("column 5 'Engagement score': '-0.1' is outside the range [0, 10]", parse(4, "-0.1"));
    assertReason("column 4 'Respondents': '100,001' is outside the range [0, 100000]", parse(3, "100,001"));
    assertReason("column 3 'Year': '2002' is outside the range [2003, 2100]", parse(2, "2002"));
  }

  @Test
  void rangeEndsAreInclusive() {
    assertEquals(10.0, parse(4, "10").values()[4]);
    assertEquals(0.0, parse(4, "0").values()[4]);
    assertEquals(100000L, parse(3, "100000").values()[3]);
  }

  @Test
  void patternMismatch() {
    assertReason("column 2 'ODS code': 'ra1' does not match ^[A-Z0-9]{3,5}$", parse(1, "ra1"));
    assertReason("column 2 'ODS code': 'RA1234' does not match ^[A-Z0-9]{3,5}$", parse(1, "RA1234"));
  }

  @Test
  void valueNotAllowed() {
    assertReason("column 6 'Trust type': 'Mental health' is not one of [Acute, Ambulance]", parse(5, "Mental health"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "7.1.2", "1e3", "NaN", "Infinity", "7,1x", "0x10", "7.1d", "seven"})
  void notANumber(String text) {
    String expected = text.contains(",")
        ? "column 5 'Engagement score': '" + text + "' is not a number (misplaced ',')"
        : "column 5 'Engagement score': '" + text + "' is not a number";
    assertReason(expected, parse(4, text));
  }

  @Test
  void decimalInIntegerColumnIsRejected() {
    assertReason("column 4 'Respondents': '12.5' is not a whole number", parse(3, "12.5"));
    assertReason("column 3 'Year': '2019.5' is not a whole number", parse(2, "2019.5"));
  }

  @Test
  void wholeDecimalInIntegerColumnIsAccepted() {
    assertEquals(12L, parse(3, "12.0").values()[3]);
  }

  /** The message shows the value as it stands in the file, thousands separator included. */
  @Test
  void decimalWithThousandsSeparatorInIntegerColumnNamesTheValueAsWritten() {
    assertReason("column 4 'Respondents': '1,234.5' is not a whole number", parse(3, "1,234.5"));
  }

  @Test
  void everyProblemOfARecordIsReported() {
    List<String> fields = List.of("Alpha Trust", "ra1", "2019", "NA", "11", "Other", "");
    assertReason("column 2 'ODS code': 'ra1' does not match ^[A-Z0-9]{3,5}$"
        + "; column 4 'Respondents': required value is missing ('NA')"
        + "; column 5 'Engagement score': '11' is outside the range [0, 10]"
        + "; column 6 'Trust type': 'Other' is not one of [Acute, Ambulance]",
        parser().parse(fields, 3, "r"));
  }

  @Test
  void wrongFieldCount() {
    ParsedLine fewer = parser().parse(List.of("Alpha Trust", "RA1", "2019"), 4, "Alpha Trust,RA1,2019");
    assertReason("has 3 fields, the header has 7", fewer);
    assertEquals(4, fewer.line());
    assertEquals("Alpha Trust,RA1,2019", fewer.raw());
    List<String> more = List.of("Alpha", " Trust", "RA1", "2019", "1200", "7.1", "Acute", "");
    assertReason("has 8 fields, the header has 7", parser().parse(more, 4, "r"));
  }

  @Test
  void headerLackingADeclaredColumnNamesFileLineAndHeader() {
    DatasetDescriptor survey = TestDescriptors.dataset("survey");
    List<String> header = List.of("Organisation name", "ODS code", "Year", "Engagement score", "Trust type");
    IngestException e = assertThrows(IngestException.class, () -> new RecordParser(survey, FILE, header));
    assertEquals(FILE + " line 1: header lacks column(s) 'Respondents' declared in " + survey.origin()
        + " (header has: Organisation name, ODS code, Year, Engagement score, Trust type)", e.getMessage());
  }

  @Test
  void headerLackingSeveralColumnsNamesThemAll() {
    DatasetDescriptor survey = TestDescriptors.dataset("survey");
    List<String> header = List.of("ODS code", "year", "Respondents", "Trust type");
    IngestException e = assertThrows(IngestException.class, () -> new RecordParser(survey, FILE, header));
    assertEquals(FILE + " line 1: header lacks column(s) 'Organisation name', 'Year', 'Engagement score' declared in "
        + survey.origin() + " (header has: ODS code, year, Respondents, Trust type)", e.getMessage());
  }

  @Test
  void headerIsMatchedAfterTrimmingAndRemovingAByteOrderMark() {
    List<String> header = List.of("\uFEFFOrganisation name", " ODS code ", "Year", "Respondents", "Engagement score",
        "Trust type", "Notes");
    ParsedLine line = new RecordParser(TestDescriptors.dataset("survey"), FILE, header).parse(row(0, "A"), 2, "r");
    assertArrayEquals(new Object[] {"RA1", "A", 2019L, 1200L, 7.1, "Acute"}, line.values());
  }

  @Test
  void periodColumnThatIsMissingIsAReason() {
    DatasetDescriptor rolling = TestDescriptors.dataset("rolling");
    RecordParser p = new RecordParser(rolling, "rolling/IND_APR22_MAR23.csv",
        List.of("PROVIDER_CODE", "TIME_PERIOD", "OBSERVED", "EXPECTED"));
    assertReason("column 2 'TIME_PERIOD': required value is missing ('*')",
        p.parse(List.of("RA1", "*", "10", "9.5"), 2, "r"));
  }

  @Test
  void rollingPeriodIsParsedFromItsColumn() {
    RecordParser p = new RecordParser(TestDescriptors.dataset("rolling"), "rolling/IND_APR22_MAR23.csv",
        List.of("TIME_PERIOD", "PROVIDER_CODE", "OBSERVED", "EXPECTED"));
    ParsedLine line = p.parse(List.of("apr22_mar23", "RA1", "10", "9.5"), 2, "r");
    assertEquals(new MonthInterval(YearMonth.of(2022, 4), YearMonth.of(2023, 3)), line.period());
  }

  /**
   * RecordParser promises every problem names the column (number and header) and the value; a
   * period that cannot be read is such a problem.
   */
  @Test
  void badPeriodNamesColumnAndValue() {
    RecordParser p = new RecordParser(TestDescriptors.dataset("rolling"), "rolling/IND_APR22_MAR23.csv",
        List.of("TIME_PERIOD", "PROVIDER_CODE", "OBSERVED", "EXPECTED"));
    ParsedLine unknownMonth = p.parse(List.of("XYZ22_MAR23", "RA1", "10", "9.5"), 2, "r");
    assertTrue(!unknownMonth.kept());
    assertTrue(unknownMonth.reason().contains("'XYZ22_MAR23' has an unknown month 'XYZ'"), unknownMonth.reason());
    assertTrue(unknownMonth.reason().startsWith("column 1 'TIME_PERIOD'"), unknownMonth.reason());
    ParsedLine backwards = p.parse(List.of("APR23_MAR22", "RA1", "10", "9.5"), 3, "r");
    assertTrue(!backwards.kept());
    assertTrue(backwards.reason().startsWith("column 1 'TIME_PERIOD'"), backwards.reason());
    assertTrue(backwards.reason().contains("'APR23_MAR22'"), backwards.reason());
  }

  @Test
  void periodFromTheFileName() {
    DatasetDescriptor byFile = TestDescriptors.dataset("by_file");
    RecordParser p = new RecordParser(byFile, "beds/FY2019-20_beds.csv", List.of("Org", "Occupied beds"));
    ParsedLine line = p.parse(List.of("RA1", "1,250.5"), 2, "RA1,\"1,250.5\"");
    assertArrayEquals(new Object[] {"RA1", 1250.5}, line.values());
    assertEquals(new MonthInterval(YearMonth.of(2019, 4), YearMonth.of(2020, 3)), line.period());
  }

  @Test
  void fileNameNotMatchingTheFilesPatternIsAnIngestException() {
    DatasetDescriptor byFile = TestDescriptors.dataset("by_file");
    IngestException e = assertThrows(IngestException.class,
        () -> new RecordParser(byFile, "beds/beds_2019.csv", List.of("Org", "Occupied beds")));
    assertEquals("beds/beds_2019.csv: does not match the files pattern of " + byFile.origin(), e.getMessage());
  }

  @Test
  void monthPeriodWithAbbreviatedMonthPattern() {
    RecordParser p = new RecordParser(TestDescriptors.dataset("monthly"), "monthly/absence_FY2019-20.csv",
        List.of("MONTH", "ORG", "DAYS_LOST", "DAYS_AVAILABLE"));
    ParsedLine line = p.parse(List.of("Apr-19", "RA1", "120.5", "3000"), 2, "r");
    assertEquals(MonthInterval.of(YearMonth.of(2019, 4)), line.period());
    ParsedLine bad = p.parse(List.of("2019-04-30", "RA1", "120.5", "3000"), 3, "r");
    assertTrue(bad.reason().contains("'2019-04-30' is not a month in the form MMM-yy"), bad.reason());
  }

  @Test
  void withoutAThousandsSeparatorACommaIsNotANumber() {
    RecordParser p = new RecordParser(TestDescriptors.dataset("monthly"), "monthly/absence_FY2019-20.csv",
        List.of("MONTH", "ORG", "DAYS_LOST", "DAYS_AVAILABLE"));
    assertReason("column 4 'DAYS_AVAILABLE': '3,000' is not a number",
        p.parse(List.of("Apr-19", "RA1", "120.5", "3,000"), 2, "r"));
  }
}
