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
  /** One forest plot per headline pair: the yearly correlations and the two pooled estimates. */
  POOLED("pooled", "Pooled over the years",
      "Each survey year's correlation with its 95% CI, and two pooled estimates: all trust-years"
          + " together (the pooled rows of correlations.csv, which treat a trust's years as independent,"
          + " so their intervals are too narrow) and the random-effects pool of the yearly coefficients"
          + " (pooled.csv: DerSimonian-Laird, which lets the association differ from year to year).", false),
  HEATMAP("heatmap", "Heatmap",
      "Correlations between every staff measure and every outcome at a glance.", true),
  /** One funnel plot per outcome the catalog's analysis.funnels names. */
  FUNNELS("funnels", "Funnel plots",
      "Each organisation's latest value of an outcome against its volume, with the limits within which"
          + " chance alone would keep it (95% and 99.8%).", false),
  /** One XmR chart per organisation and measure: listed, not shown, on the index page. */
  SPC("spc", "Statistical process control (XmR) charts",
      "Each organisation's series of a measure with its mean and process limits, special-cause points"
          + " marked by the Making Data Count rules.", false);

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
