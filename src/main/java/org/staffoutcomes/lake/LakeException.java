package org.staffoutcomes.lake;

/** A lake table that is missing or cannot be replaced. */
public class LakeException extends RuntimeException {

  public LakeException(String message) {
    super(message);
  }
}
