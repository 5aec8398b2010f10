package org.staffoutcomes.bundle;

/** The sections of the index page, in page order. */
public enum Section {
  TRENDS("trends", "Trends",
      "How each measure changed over the survey years, by benchmarking group."),
  SCATTER("scatter", "Staff measures and outcomes",
      "Each chart plots one outcome against one staff measure across trusts."),
  HEATMAP("heatmap", "Heatmap",
      "Correlations between every staff measure and every outcome at a glance.");

  private final String id;
  private final String heading;
  private final String intro;

  Section(String id, String heading, String intro) {
    this.id = id;
    this.heading = heading;
    this.intro = intro;
  }

  /** HTML id of the section. */
  public String id() {
    return id;
  }

  public String heading() {
    return heading;
  }

  /** One sentence under the heading. */
  public String intro() {
    return intro;
  }
}
