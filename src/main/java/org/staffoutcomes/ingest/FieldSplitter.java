package org.staffoutcomes.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the physical lines of one CSV record into fields, RFC 4180 style: fields are separated by
 * the delimiter; a field that starts with {@code "} is quoted, ends at the next lone {@code "},
 * holds {@code ""} as one quote and may hold delimiters and line breaks (the record then goes on
 * on the next physical line); a {@code "} anywhere else is an ordinary character. Text between a
 * closing quote and the next delimiter is an error. Lines are fed one by one ({@link #feed}) while
 * a quoted field is {@link #open}.
 */
final class FieldSplitter {

  private enum State { FIELD_START, PLAIN, QUOTED, AFTER_QUOTE }

  private final char delimiter;
  private final List<String> fields = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();
  private State state;
  private long quoteLine;
  private int quoteColumn;
  private String error;
  private boolean strayQuote;

  FieldSplitter(char delimiter) {
    this.delimiter = delimiter;
  }

  /** Starts a new record. */
  void begin() {
    fields.clear();
    field.setLength(0);
    state = State.FIELD_START;
    error = null;
    strayQuote = false;
  }

  /** Reads one physical line of the record; after an error the rest is ignored. */
  void feed(PhysicalLines.Line line) {
    if (error != null) {
      return;
    }
    String text = line.text();
    int quoteAt = -2; // the next '"' at or after the current field: -2 not looked for yet, -1 none
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      switch (state) {
        case FIELD_START -> {
          if (c == '"') {
            state = State.QUOTED;
            quoteLine = line.number();
            quoteColumn = i + 1;
          } else if (c == delimiter) {
            endField();
          } else {
            // An unquoted field runs to the next delimiter: taken whole, not character by character.
            int end = text.indexOf(delimiter, i);
            int stop = end < 0 ? n : end;
            if (quoteAt != -1 && quoteAt < i) {
              quoteAt = text.indexOf('"', i);
            }
            strayQuote |= quoteAt >= 0 && quoteAt < stop;
            if (end < 0) {
              field.append(text, i, n);
              state = State.PLAIN;
              i = n;
            } else {
              fields.add(text.substring(i, end));
              i = end;
            }
          }
        }
        case PLAIN -> {
          if (c == delimiter) {
            endField();
          } else {
            field.append(c);
            strayQuote |= c == '"';
          }
        }
        case QUOTED -> {
          if (c != '"') {
            field.append(c);
          } else if (i + 1 < n && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            state = State.AFTER_QUOTE;
          }
        }
        case AFTER_QUOTE -> {
          if (c == delimiter) {
            endField();
          } else {
            error = "line " + line.number() + " column " + (i + 1) + ": text after the closing quote of a quoted field";
            return;
          }
        }
      }
    }
    if (state == State.QUOTED) {
      field.append(line.lineBreak());
    } else {
      endField();
    }
  }

  private void endField() {
    fields.add(field.toString());
    field.setLength(0);
    state = State.FIELD_START;
  }

  /** Whether a quoted field is still open at the end of the last line fed. */
  boolean open() {
    return state == State.QUOTED && error == null;
  }

  /** The fields so far, counting an open quoted field as one. */
  int fieldCount() {
    return fields.size() + (open() ? 1 : 0);
  }

  /** The line and column where the open (or last) quoted field started, e.g. "line 601 column 5". */
  String quoteStart() {
    return "line " + quoteLine + " column " + quoteColumn;
  }

  /** Whether an unquoted field held a {@code "} (as a line that closes a quoted field from an earlier line does). */
  boolean hadStrayQuote() {
    return strayQuote;
  }

  /** The structure error met, or null. */
  String error() {
    return error;
  }

  /** The record's fields (once it is no longer {@link #open}). */
  List<String> fields() {
    return List.copyOf(fields);
  }
}
