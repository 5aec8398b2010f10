package org.staffoutcomes.bundle;

/** The sections of the index page, in page order. */
public enum Section {
  TRENDS("trends", "Trends",
      "How each measure changed over the survey years, by benchmarking group.", true),
  /** Only in runs whose catalog restates merged organisations under their successor. */
  MERGERS("mergers", "Merged trusts",
      "Trusts formed by a merger, each as one series: the years before the merger combine its"
          + " predecessors.", false),
  SCATTER("scatter", "Staff measures and outcomes",
      "Each chart plots one outcome against one staff measure across trusts.", true),
  HEATMAP("heatmap", "Heatmap",
      "Correlations between every staff measure and every outcome at a glance.", true);

  private final String id;
  private final String heading;
  private final String intro;
  private final boolean shownWhenEmpty;

  Section(String id, String heading, String intro, boolean shownWhenEmpty) {
    this.id = id;
    this.heading = heading;
    this.intro = intro;
    this.shownWhenEmpty = shownWhenEmpty;
  }

  /** Whether the index page has the section (saying it is empty) in a run without its charts. */
  public boolean shownWhenEmpty() {
    return shownWhenEmpty;
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
