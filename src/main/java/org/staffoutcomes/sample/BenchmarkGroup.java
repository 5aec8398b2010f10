package org.staffoutcomes.sample;

/**
 * The Staff Survey benchmarking groups, with the trust type each belongs to and the share of
 * organisations generated in it.
 */
enum BenchmarkGroup {
  ACUTE("Acute", "Acute and acute & community trusts", 0.578),
  ACUTE_SPECIALIST("Acute", "Acute specialist trusts", 0.065),
  MENTAL_HEALTH(
      "Mental health",
      "Mental health & learning disability and mental health, learning disability & community trusts",
      0.235),
  COMMUNITY("Community", "Community trusts", 0.078),
  AMBULANCE("Ambulance", "Ambulance trusts", 0.044);

  private final String trustType;
  private final String label;
  private final double share;

  BenchmarkGroup(String trustType, String label, double share) {
    this.trustType = trustType;
    this.label = label;
    this.share = share;
  }

  /** Trust type as in the organisation reference ({@code Acute}, {@code Mental health}, ...). */
  String trustType() {
    return trustType;
  }

  /** Benchmarking group as published. */
  String label() {
    return label;
  }

  /** Share of organisations in this group. */
  double share() {
    return share;
  }

  boolean isAcute() {
    return this == ACUTE || this == ACUTE_SPECIALIST;
  }
}
