package org.staffoutcomes.ingest;

/** An input file that cannot be ingested at all (unreadable, or its header lacks a declared column). */
public class IngestException extends RuntimeException {

  public IngestException(String message) {
    super(message);
  }

  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
