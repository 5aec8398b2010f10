package org.staffoutcomes.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * {@link CsvFileParser} on whole file texts with the {@code survey} test descriptor: line numbers,
 * raw text, quoting, and that every data record comes back either kept or with a reason; then the
 * same through {@link CsvFileParser#stream} from readers that hand the text out a little at a time.
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

  /** The case: a stray quote on one line of a long file costs that line, not the rest. */
  @Test
  void unclosedQuoteQuarantinesItsLineAloneAndReadingGoesOnAtTheNextLine() {
    String text = lines(HEADER,
        "RA1,Alpha,2019,1200,7.1,Acute",
        "RB2,Beta,2019,800,6.9,Acute",
        "RC3,\"Gamma Trust,2019,700,6.5,Acute",
        "RD4,Delta,2019,600,6.1,Acute",
        "RE5,Epsilon,2019,500,6.0,Acute");
    List<ParsedLine> parsed = parse(text);
    assertAccounted(parsed, 5);
    assertEquals(List.of(2L, 3L, 4L, 5L, 6L), parsed.stream().map(ParsedLine::line).toList());
    assertEquals(List.of(true, true, false, true, true), parsed.stream().map(ParsedLine::kept).toList());
    ParsedLine broken = parsed.get(2);
    assertEquals("RC3,\"Gamma Trust,2019,700,6.5,Acute", broken.raw(), "only the line the quote opens on");
    assertEquals("malformed CSV: the quote opened at line 4 column 5 is still open at line 5, which reads as a record "
        + "by itself; this line alone is quarantined and reading goes on at line 5", broken.reason());
    assertEquals("RD4,Delta,2019,600,6.1,Acute", parsed.get(3).raw());
    assertEquals("RD4", parsed.get(3).values()[0]);
  }

  @Test
  void unclosedQuoteInTheFirstDataRecord() {
    String text = lines(HEADER, "RA1,\"Alpha,2019,1200,7.1,Acute", "RB2,Beta,2019,800,6.9,Acute");
    List<ParsedLine> parsed = parse(text);
    assertAccounted(parsed, 2);
    assertEquals(2, parsed.get(0).line(), "the quote opens on line 2; the header is not part of the quarantined text");
    assertEquals("RA1,\"Alpha,2019,1200,7.1,Acute", parsed.get(0).raw());
    assertTrue(parsed.get(0).reason().startsWith("malformed CSV: the quote opened at line 2 column 5 "), parsed.get(0).reason());
    assertTrue(parsed.get(1).kept());
  }

  /**
   * Two stray quotes on different lines would make one record of the right size that swallows the
   * line between: that line reads as a record by itself, so only the first line is quarantined
   * and the second stray quote is an ordinary character of its own line.
   */
  @Test
  void twoStrayQuotesDoNotSwallowTheLinesBetween() {
    String text = lines(HEADER,
        "RA1,\"Alpha,2019,1200,7.1,Acute",
        "RB2,Beta,2019,800,6.9,Acute",
        "RC3,Gamma\",2019,700,6.5,Acute",
        "RD4,Delta,2019,600,6.1,Acute");
    List<ParsedLine> parsed = parse(text);
    assertAccounted(parsed, 4);
    assertEquals(List.of(2L, 3L, 4L, 5L), parsed.stream().map(ParsedLine::line).toList());
    assertEquals(List.of(false, true, true, true), parsed.stream().map(ParsedLine::kept).toList());
    assertEquals("malformed CSV: the quote opened at line 2 column 5 is still open at line 3, which reads as a record "
        + "by itself; this line alone is quarantined and reading goes on at line 3", parsed.get(0).reason());
    assertEquals("Gamma\"", parsed.get(2).values()[1], "a quote inside an unquoted field is an ordinary character");
  }

  /** A record may run over lines for a quoted line break only while it has no more fields than the header. */
  @Test
  void aQuoteClosingOnALaterLineIntoMoreFieldsThanTheHeaderCostsOnlyItsFirstLine() {
    String text = lines(HEADER,
        "RA1,Alpha,2019,1200,7.1,\"Acute",
        "RB2\",Beta,2019,800,6.9,Acute");
    List<ParsedLine> parsed = parse(text);
    assertAccounted(parsed, 2);
    assertEquals("malformed CSV: the quote opened at line 2 column 25 closes on line 3, making a record of 11 fields, "
        + "the header has 6; this line alone is quarantined and reading goes on at line 3", parsed.get(0).reason());
    assertEquals("RB2\",Beta,2019,800,6.9,Acute", parsed.get(1).raw());
  }

  @Test
  void unclosedQuoteAfterAMultiLineRecord() {
    String multiLine = "RA1,\"Alpha Trust\n(incorporating Beta)\",2019,1200,7.1,Acute";
    String text = lines(HEADER, multiLine, "RB2,\"Gamma,2019,800,6.9,Acute", "RC3,Delta,2019,700,6.5,Acute");
    List<ParsedLine> parsed = parse(text);
    assertAccounted(parsed, 3);
    assertTrue(parsed.get(0).kept(), parsed.get(0).reason());
    assertEquals(multiLine, parsed.get(0).raw());
    assertEquals(4, parsed.get(1).line());
    assertEquals("RB2,\"Gamma,2019,800,6.9,Acute", parsed.get(1).raw());
    assertEquals(5, parsed.get(2).line());
    assertTrue(parsed.get(2).kept());
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
  void textAfterAClosingQuoteQuarantinesThatLineOnly() {
    String text = lines(HEADER,
        "RA1,Alpha,2019,1200,7.1,Acute",
        "RB2,\"Gamma\"x,2019,800,6.9,Acute",
        "RC3,Delta,2019,700,6.5,Acute");
    List<ParsedLine> parsed = parse(text);
    assertAccounted(parsed, 3);
    assertEquals(3, parsed.get(1).line());
    assertEquals("RB2,\"Gamma\"x,2019,800,6.9,Acute", parsed.get(1).raw());
    assertEquals("malformed CSV: line 3 column 12: text after the closing quote of a quoted field", parsed.get(1).reason());
    assertTrue(parsed.get(2).kept());
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
  // ---- streaming: the same results from a Reader, however it hands the text out ----

  /** A reader of {@code text} that hands out one character per read within [from, to), else {@code chunk}. */
  private static Reader trickle(String text, int from, int to, int chunk) {
    return new Reader() {
      private int at;

      @Override
      public int read(char[] cbuf, int off, int len) {
        if (at >= text.length()) {
          return -1;
        }
        int n = Math.min(len, Math.min(text.length() - at, at >= from && at < to ? 1 : chunk));
        text.getChars(at, at + n, cbuf, off);
        at += n;
        return n;
      }

      @Override
      public void close() {}
    };
  }

  private static List<ParsedLine> stream(Reader in) {
    List<ParsedLine> out = new ArrayList<>();
    CsvFileParser.stream(survey(), FILE, in).forEachRemaining(out::add);
    return out;
  }

  private static void assertSameLines(List<ParsedLine> expected, List<ParsedLine> actual) {
    assertEquals(expected.size(), actual.size(), "number of parsed lines");
    for (int i = 0; i < expected.size(); i++) {
      ParsedLine e = expected.get(i);
      ParsedLine a = actual.get(i);
      assertEquals(e.line(), a.line(), "line of entry " + i);
      assertEquals(e.raw(), a.raw(), "raw of line " + e.line());
      assertEquals(e.reason(), a.reason(), "reason of line " + e.line());
      assertArrayEquals(e.values(), a.values(), "values of line " + e.line());
      assertEquals(e.period(), a.period(), "period of line " + e.line());
    }
  }

  @Test
  void streamHandsOutRecordsOneByOneAndThenStops() {
    Iterator<ParsedLine> it = CsvFileParser.stream(survey(), FILE,
        new StringReader(lines(HEADER, "RA1,Alpha,2019,1200,7.1,Acute", "RB2,Beta,2019,800,6.9,Acute")));
    assertTrue(it.hasNext());
    assertTrue(it.hasNext(), "hasNext does not skip a record");
    assertEquals(2, it.next().line());
    assertEquals(3, it.next().line());
    assertFalse(it.hasNext());
    assertThrows(NoSuchElementException.class, it::next);
  }

  @Test
  void streamRefusesAnEmptyFileOrABadHeaderBeforeHandingOutAnything() {
    IngestException empty = assertThrows(IngestException.class,
        () -> CsvFileParser.stream(survey(), FILE, new StringReader("\uFEFF\n\n")));
    assertEquals(FILE + " line 1: the file is empty (no header)", empty.getMessage());
    IngestException bad = assertThrows(IngestException.class, () -> CsvFileParser.stream(survey(), FILE,
        new StringReader(lines("ODS code,Year", "RA1,2019"))));
    assertTrue(bad.getMessage().startsWith(FILE + " line 1: header lacks column(s) 'Organisation name'"),
        bad.getMessage());
    IngestException unclosed = assertThrows(IngestException.class,
        () -> CsvFileParser.stream(survey(), FILE, new StringReader("\"ODS code,Year\nRA1,2019\n")));
    assertTrue(unclosed.getMessage().startsWith(FILE + " line 1: cannot read the header: "), unclosed.getMessage());
  }

  @Test
  void aRecordLargerThanAnyBufferWithLineBreaksInside() {
    StringBuilder name = new StringBuilder();
    for (int i = 0; name.length() < 200_000; i++) {
      name.append(i % 50 == 49 ? "\n" : i % 97 == 96 ? "\r\n" : "word, \"\" ");
    }
    String quoted = "\"" + name + "\"";
    long breaks = quoted.chars().filter(c -> c == '\n').count();
    String big = "RA1," + quoted + ",2019,1200,7.1,Acute";
    String text = lines(HEADER, "RA0,Before,2019,1,7.1,Acute", big, "RB2,Beta,2019,800,6.9,Acute");
    List<ParsedLine> parsed = stream(trickle(text, 100, 5_000, 4096));
    assertAccounted(parsed, 3);
    assertEquals(3, parsed.get(1).line());
    assertEquals(big, parsed.get(1).raw());
    assertEquals(name.toString().replace("\"\"", "\"").strip(), parsed.get(1).values()[1], "values are stripped");
    assertEquals(4 + breaks, parsed.get(2).line(), "the next record's line counts the big record's line breaks");
    assertEquals("RB2,Beta,2019,800,6.9,Acute", parsed.get(2).raw());
    assertSameLines(parse(text), parsed);
  }

  @Test
  void aHundredThousandRecordsThroughATrickleReaderAreWhatParseGives() {
    StringBuilder b = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
    long line = 1;
    List<Long> expectedLines = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      String code = String.format("R%04d", i % 10_000);
      expectedLines.add(++line);
      switch (i % 10) {
        case 3 -> {
          b.append(code).append(",\"Trust ").append(i).append("\nSite, \"\"North\"\"\r\nWing\",2019,\"1,200\",7.1,Acute\r\n");
          line += 2;
        }
        case 5 -> {
          b.append(code).append(",Trust ").append(i).append(",2019,x,7.1,Acute\r\n\r\n");
          line++;
        }
        case 7 -> b.append(code).append(",Trust ").append(i).append(",2019,12,7.1\n");
        default -> b.append(code).append(",Trust ").append(i).append(",2019,").append(i).append(",6.5,Acute\r\n");
      }
    }
    String text = b.append("\r\n\n").toString();
    List<ParsedLine> whole = parse(text);
    assertAccounted(whole, 100_000);
    assertEquals(expectedLines, whole.stream().map(ParsedLine::line).toList());
    assertEquals("R0003,\"Trust 3\nSite, \"\"North\"\"\r\nWing\",2019,\"1,200\",7.1,Acute", whole.get(3).raw());
    assertArrayEquals(new Object[] {"R0003", "Trust 3\nSite, \"North\"\r\nWing", 2019L, 1200L, 7.1, "Acute"},
        whole.get(3).values());
    assertEquals("R0005,Trust 5,2019,x,7.1,Acute", whole.get(5).raw());
    assertEquals("has 5 fields, the header has 6", whole.get(7).reason());
    assertSameLines(whole, stream(trickle(text, 0, 20_000, 13)));
    assertSameLines(whole, stream(trickle(text, text.length() - 30_000, text.length(), 8192)));
  }

  @Test
  void windowsLineEndingsAndAMultiLineRecordThroughAStream() {
    String multi = "RA1,\"Alpha Trust\r\n(incorporating Beta)\",2019,1200,7.1,Acute";
    String text = HEADER + "\r\n" + multi + "\r\n\r\nRB2,Beta,2019,800,6.9,Acute\r\nRC3,Gamma,2019,x,6.9,Acute\r\n";
    List<ParsedLine> parsed = stream(trickle(text, 0, text.length(), 1));
    assertAccounted(parsed, 3);
    assertEquals(List.of(2L, 5L, 6L), parsed.stream().map(ParsedLine::line).toList());
    assertEquals(multi, parsed.get(0).raw());
    assertEquals("Alpha Trust\r\n(incorporating Beta)", parsed.get(0).values()[1]);
    assertEquals("RB2,Beta,2019,800,6.9,Acute", parsed.get(1).raw());
    assertEquals("RC3,Gamma,2019,x,6.9,Acute", parsed.get(2).raw());
    assertSameLines(parse(text), parsed);
  }

  @Test
  void byteOrderMarkAloneInTheFirstReadAndTrailingBlankLinesThroughAStream() {
    String text = "\uFEFF" + lines(HEADER, "RA1,Alpha,2019,1200,7.1,Acute", "", "  ", "\r", "");
    List<ParsedLine> parsed = stream(trickle(text, 0, 3, 1));
    assertEquals(2, parsed.size(), "a line of spaces is a record, not a blank line");
    assertTrue(parsed.get(0).kept(), parsed.get(0).reason());
    assertEquals(2, parsed.get(0).line());
    assertEquals("RA1,Alpha,2019,1200,7.1,Acute", parsed.get(0).raw());
    assertEquals(4, parsed.get(1).line());
    assertEquals("has 1 fields, the header has 6", parsed.get(1).reason());
    assertSameLines(parse(text), parsed);
  }

  @Test
  void unclosedQuoteThroughAStreamHoldsAtMostOneRecordsWorthOfTextAndRereadsTheRest() {
    StringBuilder rest = new StringBuilder("RC3,\"Gamma Trust,2019,700,6.5,Acute");
    int following = 0;
    for (int i = 0; rest.length() < CsvFileParser.MAX_RECORD_CHARS + 200_000; i++) {
      rest.append("\nRD").append(i).append(",Delta,2019,600,6.1");
      following++;
    }
    String text = lines(HEADER,
        "RA1,\"Alpha\nTrust\",2019,1200,7.1,Acute",
        "RB2,Beta,2019,800,6.9,Acute",
        "",
        rest.toString(),
        "", "");
    List<ParsedLine> parsed = stream(trickle(text, 0, 200, 5000));
    assertAccounted(parsed, 3 + following);
    assertEquals("RB2,Beta,2019,800,6.9,Acute", parsed.get(1).raw());
    ParsedLine broken = parsed.get(2);
    assertEquals(6, broken.line(), "the blank line before the break is not part of it");
    assertEquals("RC3,\"Gamma Trust,2019,700,6.5,Acute", broken.raw());
    assertEquals("malformed CSV: the quote opened at line 6 column 5 is not closed within the 1048576 characters a record "
        + "may hold; this line alone is quarantined and reading goes on at line 7", broken.reason());
    assertTrue(parsed.stream().skip(3).allMatch(p -> p.reason().equals("has 5 fields, the header has 6")),
        "every line after it is read again as its own record");
    assertEquals(7, parsed.get(3).line());
    assertSameLines(parse(text), parsed);
  }

  @Test
  void quarantinedRawTextIsCutTo4KbWithItsLengthInTheReason() {
    String longName = "x".repeat(10_000);
    String line = "RA1," + longName + ",2019,twelve,7.1,Acute";
    List<ParsedLine> parsed = parse(lines(HEADER, line));
    assertAccounted(parsed, 1);
    assertEquals(line.substring(0, 4096), parsed.get(0).raw());
    assertEquals("column 4 'Respondents': 'twelve' is not a number (raw text cut to its first 4096 of "
        + line.length() + " characters)", parsed.get(0).reason());
  }

  @Test
  void aValueQuotedInAReasonIsEscapedAndCut() {
    String value = "y".repeat(500);
    List<ParsedLine> parsed = parse(lines(HEADER, "RA1,Alpha,2019," + value + ",7.1,Acute"));
    assertEquals("column 4 'Respondents': '" + "y".repeat(100) + "... (500 chars)' is not a number", parsed.get(0).reason());
  }

  @Test
  void aLineLongerThanARecordMayHoldIsQuarantinedWithoutHoldingIt() {
    String huge = "RA1,\"" + "z".repeat(CsvFileParser.MAX_RECORD_CHARS + 10) + "\",2019,1,7.1,Acute";
    List<ParsedLine> parsed = stream(trickle(lines(HEADER, huge, "RB2,Beta,2019,800,6.9,Acute"), 0, 0, 8192));
    assertAccounted(parsed, 2);
    assertEquals(huge.substring(0, 4096), parsed.get(0).raw());
    assertEquals("the line has " + huge.length() + " characters, more than the 1048576 a record may hold "
        + "(raw text: its first 4096)", parsed.get(0).reason());
    assertEquals(3, parsed.get(1).line());
    assertTrue(parsed.get(1).kept());
  }

  /** A Latin-1 'é' (0xE9) in a UTF-8 file: its record is quarantined naming line, column and byte offset. */
  @Test
  void undecodableBytesQuarantineTheirRecordNamingLineColumnAndByteOffset() throws IOException {
    byte[] head = (HEADER + "\nRA1,Alpha,2019,1200,7.1,Acute\nRB2,Caf").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail = ",2019,800,6.9,Acute\nRC3,Gamma \u00e9,2019,700,6.5,Acute\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] file = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, file, 0, head.length);
    file[head.length] = (byte) 0xE9;
    System.arraycopy(tail, 0, file, head.length + 1, tail.length);
    List<ParsedLine> parsed = new ArrayList<>();
    try (DecodingReader in = new DecodingReader(new java.io.ByteArrayInputStream(file), java.nio.charset.StandardCharsets.UTF_8, FILE,
        file.length)) {
      CsvFileParser.stream(survey(), FILE, in).forEachRemaining(parsed::add);
    }
    assertAccounted(parsed, 3);
    assertTrue(parsed.get(0).kept());
    assertEquals("RB2,Caf\uFFFD,2019,800,6.9,Acute", parsed.get(1).raw());
    assertEquals("bytes not valid UTF-8 at line 3 column 8 (byte offset " + head.length + ": 0xE9)", parsed.get(1).reason());
    assertTrue(parsed.get(2).kept(), "a well-formed UTF-8 \u00e9 is kept: " + parsed.get(2).reason());
    assertEquals("Gamma \u00e9", parsed.get(2).values()[1]);
  }
  /** A file that grew (or shrank) between being listed and hashed and being read to its end. */
  @Test
  void aFileThatChangedWhileBeingReadIsAnIngestExceptionAtItsEnd() {
    byte[] file = lines(HEADER, "RA1,Alpha,2019,1200,7.1,Acute", "RB2,Beta,2019,800,6.9,Acute")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    DecodingReader in = new DecodingReader(new java.io.ByteArrayInputStream(file), java.nio.charset.StandardCharsets.UTF_8,
        FILE, file.length - 28);
    Iterator<ParsedLine> it = CsvFileParser.stream(survey(), FILE, in);
    IngestException e = assertThrows(IngestException.class, () -> it.forEachRemaining(p -> { }));
    assertEquals(FILE + ": the file changed while it was being read (" + (file.length - 28) + " bytes when hashed, "
        + file.length + " when read to its end); nothing of it is kept: run again once it is complete", e.getMessage());
  }

  @Test
  void aReaderThatFailsIsAnUncheckedIOExceptionNotAMalformedTail() {
    String text = lines(HEADER, "RA1,Alpha,2019,1200,7.1,Acute", "RB2,Beta,2019,800,6.9,Acute");
    Reader failing = new Reader() {
      private final Reader in = trickle(text, 0, text.length(), 1);
      private int reads;

      @Override
      public int read(char[] cbuf, int off, int len) throws IOException {
        if (++reads > HEADER.length() + 40) {
          throw new IOException("disk gone");
        }
        return in.read(cbuf, off, len);
      }

      @Override
      public void close() {}
    };
    Iterator<ParsedLine> it = CsvFileParser.stream(survey(), FILE, failing);
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> it.forEachRemaining(p -> { }));
    assertEquals("Cannot read " + FILE, e.getMessage());
    assertEquals("disk gone", e.getCause().getMessage());
  }
}
