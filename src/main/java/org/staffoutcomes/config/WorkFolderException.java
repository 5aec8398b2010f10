package org.staffoutcomes.config;

/** The work folder cannot be written (read-only, full, not a folder): found before any work. */
public final class WorkFolderException extends RuntimeException {

  public WorkFolderException(String message, Throwable cause) {
    super(message, cause);
  }
}
