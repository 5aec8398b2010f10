package org.staffoutcomes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.ingest.IngestException;

/** An error's exit code and line, also when Spark wraps it. */
class ExitCodesTest {

  private final ExitCodes codes = new ExitCodes();

  @Test
  void anInputErrorRaisedInASparkTaskIsStillAnInputError() {
    IngestException inTask = new IngestException("staff/staff_2019.csv changed while it was read (size 120 -> 180 bytes)");
    SparkException wrapped = new SparkException("Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 times, "
        + "most recent failure: Lost task 0.0: " + inTask, inTask);
    assertEquals(ExitCodes.INPUT, codes.getExitCode(wrapped));
    assertEquals(inTask.getMessage(), Main.message(wrapped), "the error line is the input error's, not Spark's");
  }

  @Test
  void anUnknownErrorIsInternalAndNamesItsRootCause() {
    RuntimeException e = new IllegalStateException("boom", new java.io.IOException("disk"));
    assertEquals(ExitCodes.INTERNAL, codes.getExitCode(e));
    assertEquals("IllegalStateException: boom (caused by IOException: disk)", Main.message(e));
  }
}
