package org.staffoutcomes.publish;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A publish check that failed, for one dataset.
 *
 * @param check which check
 * @param dataset the dataset it failed for
 * @param message one line saying what was found and what was expected
 */
@JsonPropertyOrder({"check", "dataset", "message"})
public record FailedCheck(@JsonIgnore PublishCheck check, String dataset, String message) {

  public FailedCheck {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(message, "message");
  }

  /** The check's name, as the manifest and the history record it. */
  @JsonProperty("check")
  public String checkId() {
    return check.id();
  }
}
