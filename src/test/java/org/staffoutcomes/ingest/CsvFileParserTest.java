package org.staffoutcomes.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * {@link CsvFileParser} on whole file texts with the {@code survey} test descriptor: line numbers,
 * raw text, quoting, and that every data record comes back either kept or with a reason.
 */
class CsvFileParserTest {

  private static final String FILE = "survey/NSS2019.csv";
  private static final String HEADER = "ODS code,Organisation name,Year,Respondents,Engagement score,Trust type";

  private static DatasetDescriptor survey() {
    return TestDescriptors.dataset("survey");
  }

  private static List<ParsedLine> parse(String text) {
    return CsvFileParser.parse(survey(), FILE, text);
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  /** Nothing is dropped: each parsed line is kept with values, or rejected with a reason. */
  private static void assertAccounted(List<ParsedLine> parsed, int dataRecords) {
    assertEquals(dataRecords, parsed.size(), "one ParsedLine per data record");
    for (ParsedLine p : parsed) {
      assertEquals(FILE, p.sourceFile());
      if (p.kept()) {
        assertNotNull(p.values(), "kept line " + p.line() + " has values");
        assertNull(p.reason());
      } else {
        assertNotNull(p.reason(), "line " + p.line());
        assertTrue(!p.reason().isBlank(), "line " + p.line() + " has a reason");
        assertNull(p.values());
      }
    }
  }

  @Test
  void simpleFileLinesAndRawText() {
    String text = lines(HEADER,
        "RA1,Alpha Trust,2019,1200,7.1,Acute",
        "RB2,Beta Trust,2019,800,6.9,Ambulance");
    List<ParsedLine> parsed = parse(text);
    assertAccounted(parsed, 2);
    assertEquals(2, parsed.get(0).line());
    assertEquals("RA1,Alpha Trust,2019,1200,7.1,Acute", parsed.get(0).raw());
    assertArrayEquals(new Object[] {"RA1", "Alpha Trust", 2019L, 1200L, 7.1, "Acute"}, parsed.get(0).values());
    assertEquals(3, parsed.get(1).line());
    assertEquals("RB2,Beta Trust,2019,800,6.9,Ambulance", parsed.get(1).raw());
  }

  @Test
  void quotedThousandsAndNamesWithCommas() {
    String text = lines(HEADER,
        "RA1,\"Alpha, Beta and Gamma NHS Trust\",2019,\"6,513\",7.1,Acute",
        "RB2,\"Delta \"\"Hospital\"\" Trust\",2019,\"1,23\",6.9,Acute");
    List<ParsedLine> parsed = parse(text);
    assertAccounted(parsed, 2);
    assertArrayEquals(new Object[] {"RA1", "Alpha, Beta and Gamma NHS Trust", 2019L, 6513L, 7.1, "Acute"},
        parsed.get(0).values());
    assertEquals("RA1,\"Alpha, Beta and Gamma NHS Trust\",2019,\"6,513\",7.1,Acute", parsed.get(0).raw());
    assertEquals("column 4 'Respondents': '1,23' is not a number (misplaced ',')", parsed.get(1).reason());
    assertEquals("RB2,\"Delta \"\"Hospital\"\" Trust\",2019,\"1,23\",6.9,Acute", parsed.get(1).raw());
    assertEquals(3, parsed.get(1).line());
  }

  @Test
  void unquotedThousandsSeparatorSplitsTheFieldAndIsAFieldCountProblem() {
    List<ParsedLine> parsed = parse(lines(HEADER, "RA1,Alpha Trust,2019,6,513,7.1,Acute"));
    assertAccounted(parsed, 1);
    assertEquals("has 7 fields, the header has 6", parsed.get(0).reason());
    assertEquals(2, parsed.get(0).line());
    assertEquals("RA1,Alpha Trust,2019,6,513,7.1,Acute", parsed.get(0).raw());
  }

  @Test
  void missingTokensAndQuarantineReasons() {
    String text = lines(HEADER,
        "RA1,NA,2019,1200,-,*",
        "RA2,,2019,NA,7.0,Acute",
        "RA3,Gamma,2019,,7.0,Acute",
        "-,Delta,2019,10,7.0,Acute");
    List<ParsedLine> parsed = parse(text);
    assertAccounted(parsed, 4);
    assertArrayEquals(new Object[] {"RA1", null, 2019L, 1200L, null, null}, parsed.get(0).values());
    assertEquals("column 4 'Respondents': required value is missing ('NA')", parsed.get(1).reason());
    assertEquals("column 4 'Respondents': required value is missing ('')", parsed.get(2).reason());
    assertEquals("column 1 'ODS code': required value is missing ('-')", parsed.get(3).reason());
    assertEquals(List.of(2L, 3L, 4L, 5L), parsed.stream().map(ParsedLine::line).toList());
  }

  @Test
  void valueProblemsInAFile() {
    String text = lines(HEADER,
        "RA1,Alpha,2019,1200,12,Acute",
        "ra2,Beta,2019,1200,7,Acute",
        "RA3,Gamma,2019,twelve,7,Acute",
        "RA4,Delta,2019,12.5,7,Acute",
        "RA5,Epsilon,2019,1200,7,Acute,extra",
        "RA6,Zeta,2019,1200,7");
    List<ParsedLine> parsed = parse(text);
    assertAccounted(parsed, 6);
    assertEquals("column 5 'Engagement score': '12' is outside the range [0, 10]", parsed.get(0).reason());
    assertEquals("column 1 'ODS code': 'ra2' does not match ^[A-Z0-9]{3,5}$", parsed.get(1).reason());
    assertEquals("column 4 'Respondents': 'twelve' is not a number", parsed.get(2).reason());
    assertEquals("column 4 'Respondents': '12.5' is not a whole number", parsed.get(3).reason());
    assertEquals("has 7 fields, the header has 6", parsed.get(4).reason());
    assertEquals("has 5 fields, the header has 6", parsed.get(5).reason());
    assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L), parsed.stream().map(ParsedLine::line).toList());
    assertEquals("RA6,Zeta,2019,1200,7", parsed.get(5).raw());
  }

  @Test
  void headerLackingADeclaredColumnNamesFileLineOneAndTheHeader() {
    String text = lines("ODS code,Organisation name,Year,Engagement score,Trust type", "RA1,Alpha,2019,7.1,Acute");
    IngestException e = assertThrows(IngestException.class, () -> parse(text));
    assertEquals(FILE + " line 1: header lacks column(s) 'Respondents' declared in " + survey().origin()
        + " (header has: ODS code, Organisation name, Year, Engagement score, Trust type)", e.getMessage());
  }

  @Test
  void quotedFieldSpanningTwoLinesKeepsLaterLineNumbersPhysical() {
    String multiLine = "RA1,\"Alpha Trust\n(incorporating Beta)\",2019,1200,7.1,Acute";
    String text = lines(HEADER, multiLine, "RB2,Gamma Trust,2019,800,6.9,Acute", "RC3,Delta,2019,x,6.9,Acute");
    List<ParsedLine> parsed = parse(text);
    assertAccounted(parsed, 3);
    assertEquals(2, parsed.get(0).line());
    assertEquals(multiLine, parsed.get(0).raw());
    assertEquals("Alpha Trust\n(incorporating Beta)", parsed.get(0).values()[1]);
    assertEquals(4, parsed.get(1).line(), "the record after a two-line record starts on line 4");
    assertEquals("RB2,Gamma Trust,2019,800,6.9,Acute", parsed.get(1).raw());
    assertEquals(5, parsed.get(2).line());
    assertEquals("column 4 'Respondents': 'x' is not a number", parsed.get(2).reason());
  }

  @Test
  void windowsLineEndings() {
    String text = HEADER + "\r\nRA1,Alpha,2019,1200,7.1,Acute\r\nRB2,Beta,2019,800,6.9,Acute\r\n";
    List<ParsedLine> parsed = parse(text);
    assertAccounted(parsed, 2);
    assertEquals(List.of(2L, 3L), parsed.stream().map(ParsedLine::line).toList());
    assertEquals("RA1,Alpha,2019,1200,7.1,Acute", parsed.get(0).raw());
    assertEquals("RB2,Beta,2019,800,6.9,Acute", parsed.get(1).raw());
  }

  @Test
  void lastRecordWithoutANewline() {
    List<ParsedLine> parsed = parse(HEADER + "\nRA1,Alpha,2019,1200,7.1,Acute");
    assertAccounted(parsed, 1);
    assertEquals("RA1,Alpha,2019,1200,7.1,Acute", parsed.get(0).raw());
    assertTrue(parsed.get(0).kept());
  }

  @Test
  void blankLinesAreSkippedAndLaterLinesKeepTheirNumbers() {
    String text = lines(HEADER,
        "RA1,Alpha,2019,1200,7.1,Acute",
        "",
        "RB2,Beta,2019,800,6.9,Acute",
        "",
        "",
        "RC3,Gamma,2019,700,6.5,Acute");
    List<ParsedLine> parsed = parse(text);
    assertAccounted(parsed, 3);
    assertEquals(List.of(2L, 4L, 7L), parsed.stream().map(ParsedLine::line).toList());
    assertEquals("RA1,Alpha,2019,1200,7.1,Acute", parsed.get(0).raw());
    assertEquals("RB2,Beta,2019,800,6.9,Acute", parsed.get(1).raw());
    assertEquals("RC3,Gamma,2019,700,6.5,Acute", parsed.get(2).raw());
  }

  @Test
  void blankLinesAtTheEnd() {
    List<ParsedLine> parsed = parse(lines(HEADER, "RA1,Alpha,2019,1200,7.1,Acute", "", ""));
    assertAccounted(parsed, 1);
    assertEquals("RA1,Alpha,2019,1200,7.1,Acute", parsed.get(0).raw());
  }

  @Test
  void byteOrderMarkBeforeTheHeader() {
    List<ParsedLine> parsed = parse("\uFEFF" + lines(HEADER, "RA1,Alpha,2019,1200,7.1,Acute"));
    assertAccounted(parsed, 1);
    assertTrue(parsed.get(0).kept(), parsed.get(0).reason());
    assertEquals(2, parsed.get(0).line());
    assertEquals("RA1,Alpha,2019,1200,7.1,Acute", parsed.get(0).raw());
    assertEquals("RA1", parsed.get(0).values()[0]);
  }

  /** Spreadsheet exports often quote every header field and start with a byte-order mark. */
  @Test
  void byteOrderMarkBeforeAQuotedHeader() {
    String quotedHeader = "\"ODS code\",\"Organisation name\",\"Year\",\"Respondents\",\"Engagement score\",\"Trust type\"";
    List<ParsedLine> parsed = parse("\uFEFF" + lines(quotedHeader, "RA1,Alpha,2019,1200,7.1,Acute"));
    assertAccounted(parsed, 1);
    assertEquals("RA1", parsed.get(0).values()[0]);
  }

  @Test
  void headerOfAFileWithAByteOrderMark() {
    List<String> header = CsvFileParser.header(survey(), FILE, "\uFEFF" + lines(HEADER, "RA1,Alpha,2019,1200,7.1,Acute"));
    assertEquals(6, header.size());
    assertEquals("Organisation name", header.get(1));
  }

  @Test
  void unclosedQuoteQuarantinesTheRestOfTheFileFromWhereItStarts() {
    String text = lines(HEADER,
        "RA1,Alpha,2019,1200,7.1,Acute",
        "RB2,Beta,2019,800,6.9,Acute",
        "RC3,\"Gamma Trust,2019,700,6.5,Acute",
        "RD4,Delta,2019,600,6.1,Acute",
        "RE5,Epsilon,2019,500,6.0,Acute");
    List<ParsedLine> parsed = parse(text);
    assertEquals(3, parsed.size(), "two good records, then the rest of the file as one entry");
    assertTrue(parsed.get(0).kept());
    assertTrue(parsed.get(1).kept());
    assertEquals("RB2,Beta,2019,800,6.9,Acute", parsed.get(1).raw());
    ParsedLine rest = parsed.get(2);
    assertEquals(4, rest.line());
    assertEquals(FILE, rest.sourceFile());
    assertNull(rest.values());
    assertEquals("RC3,\"Gamma Trust,2019,700,6.5,Acute\nRD4,Delta,2019,600,6.1,Acute\nRE5,Epsilon,2019,500,6.0,Acute",
        rest.raw());
    assertTrue(rest.reason().startsWith("malformed CSV from this line to the end of the file: "), rest.reason());
  }

  @Test
  void unclosedQuoteInTheFirstDataRecord() {
    String text = lines(HEADER, "RA1,\"Alpha,2019,1200,7.1,Acute", "RB2,Beta,2019,800,6.9,Acute");
    List<ParsedLine> parsed = parse(text);
    assertEquals(1, parsed.size());
    ParsedLine rest = parsed.get(0);
    assertEquals(2, rest.line(), "the quote opens on line 2; the header is not part of the quarantined text");
    assertEquals("RA1,\"Alpha,2019,1200,7.1,Acute\nRB2,Beta,2019,800,6.9,Acute", rest.raw());
    assertTrue(rest.reason().startsWith("malformed CSV from this line to the end of the file: "), rest.reason());
  }

  @Test
  void unclosedQuoteAfterAMultiLineRecord() {
    String multiLine = "RA1,\"Alpha Trust\n(incorporating Beta)\",2019,1200,7.1,Acute";
    String text = lines(HEADER, multiLine, "RB2,\"Gamma,2019,800,6.9,Acute", "RC3,Delta,2019,700,6.5,Acute");
    List<ParsedLine> parsed = parse(text);
    assertEquals(2, parsed.size());
    assertTrue(parsed.get(0).kept(), parsed.get(0).reason());
    assertEquals(multiLine, parsed.get(0).raw());
    assertEquals(4, parsed.get(1).line());
    assertEquals("RB2,\"Gamma,2019,800,6.9,Acute\nRC3,Delta,2019,700,6.5,Acute", parsed.get(1).raw());
  }

  @Test
  void unclosedQuoteAfterABlankLineStartsOnTheQuotedRecord() {
    String text = lines(HEADER, "RA1,Alpha,2019,1200,7.1,Acute", "", "RB2,\"Gamma,2019,800,6.9,Acute");
    List<ParsedLine> parsed = parse(text);
    assertEquals(2, parsed.size());
    assertEquals(4, parsed.get(1).line());
    assertEquals("RB2,\"Gamma,2019,800,6.9,Acute", parsed.get(1).raw());
  }

  @Test
  void textAfterAClosingQuoteQuarantinesTheRestOfTheFile() {
    String text = lines(HEADER,
        "RA1,Alpha,2019,1200,7.1,Acute",
        "RB2,\"Gamma\"x,2019,800,6.9,Acute",
        "RC3,Delta,2019,700,6.5,Acute");
    List<ParsedLine> parsed = parse(text);
    assertEquals(2, parsed.size());
    assertTrue(parsed.get(0).kept());
    assertEquals(3, parsed.get(1).line());
    assertEquals("RB2,\"Gamma\"x,2019,800,6.9,Acute\nRC3,Delta,2019,700,6.5,Acute", parsed.get(1).raw());
    assertTrue(parsed.get(1).reason().startsWith("malformed CSV from this line to the end of the file: "));
  }

  @Test
  void unclosedQuoteInTheHeaderIsAnIngestExceptionThatSaysSo() {
    String text = "\"ODS code,Organisation name,Year\nRA1,Alpha,2019\n";
    IngestException h = assertThrows(IngestException.class, () -> CsvFileParser.header(survey(), FILE, text));
    assertTrue(h.getMessage().startsWith(FILE + " line 1: cannot read the header: "), h.getMessage());
    IngestException p = assertThrows(IngestException.class, () -> parse(text));
    assertTrue(p.getMessage().startsWith(FILE + " line 1: "), p.getMessage());
    assertTrue(!p.getMessage().contains("empty"), "the file is not empty: " + p.getMessage());
  }

  @Test
  void emptyFileIsAnIngestException() {
    IngestException e = assertThrows(IngestException.class, () -> parse(""));
    assertEquals(FILE + " line 1: the file is empty (no header)", e.getMessage());
    IngestException h = assertThrows(IngestException.class, () -> CsvFileParser.header(survey(), FILE, ""));
    assertEquals(FILE + " line 1: the file is empty (no header)", h.getMessage());
  }

  @Test
  void headerOnlyFileHasNoRecords() {
    assertEquals(List.of(), parse(lines(HEADER)));
  }

  @Test
  void semicolonDelimiterFromTheDescriptor() {
    String text = "MONTH;ORG;DAYS_LOST;DAYS_AVAILABLE\nApr-19;RA1;120,5;3000\nMay-19;RA1;110;3000\n";
    List<ParsedLine> parsed = CsvFileParser.parse(TestDescriptors.dataset("monthly"), "monthly/absence_FY2019-20.csv", text);
    assertEquals(2, parsed.size());
    assertEquals("column 3 'DAYS_LOST': '120,5' is not a number", parsed.get(0).reason());
    assertArrayEquals(new Object[] {"May-19", "RA1", 110.0, 3000.0}, parsed.get(1).values());
    assertEquals(3, parsed.get(1).line());
  }

  @Test
  void everyRecordOfAMixedFileIsAccountedFor() {
    String text = lines(HEADER,
        "RA1,Alpha,2019,1200,7.1,Acute",
        "RA2,\"Beta, Gamma\",2019,\"6,513\",7.1,Acute",
        "RA3,Delta,2019,1200,7.1",
        "",
        "RA4,\"Epsilon\nSite\",2019,1,2,Acute",
        "RA5,Zeta,2019,NA,7.1,Acute",
        "RA6,Eta,2019,1200,77,Acute",
        "RA7,Theta,2019,1200,7.1,Acute");
    List<ParsedLine> parsed = parse(text);
    assertAccounted(parsed, 7);
    assertEquals(List.of(2L, 3L, 4L, 6L, 8L, 9L, 10L), parsed.stream().map(ParsedLine::line).toList());
    assertEquals(List.of(true, true, false, true, false, false, true),
        parsed.stream().map(ParsedLine::kept).toList());
    String[] physical = text.split("\n", -1);
    for (ParsedLine p : parsed) {
      assertTrue(p.raw().startsWith(physical[(int) p.line() - 1]),
          "raw of line " + p.line() + " starts with that physical line: " + p.raw());
    }
  }
}
