package org.staffoutcomes.schema;

/** A descriptor or catalog that cannot be used; the message names the file and the problem. */
public class DescriptorException extends RuntimeException {

  public DescriptorException(String message) {
    super(message);
  }

  public DescriptorException(String message, Throwable cause) {
    super(message, cause);
  }
}
