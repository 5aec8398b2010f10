package org.staffoutcomes.schema;

import java.util.List;

/**
 * How a published CSV file is written.
 *
 * @param delimiter the field separator (one character)
 * @param missing tokens that mean "no value" (compared after trimming)
 * @param thousands the thousands separator used inside numbers, or empty for none
 * @param encoding the character set
 */
public record CsvSpec(String delimiter, List<String> missing, String thousands, String encoding) implements java.io.Serializable {

  public static final List<String> DEFAULT_MISSING = List.of("", "NA", "-", "*");

  public CsvSpec {
    delimiter = delimiter == null ? "," : delimiter;
    missing = missing == null ? DEFAULT_MISSING : List.copyOf(missing);
    thousands = thousands == null ? "," : thousands;
    encoding = encoding == null ? "UTF-8" : encoding;
  }

  public static CsvSpec defaults() {
    return new CsvSpec(null, null, null, null);
  }

  public char delimiterChar() {
    return delimiter.charAt(0);
  }
}
