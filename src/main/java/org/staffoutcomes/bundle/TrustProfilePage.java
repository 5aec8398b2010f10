package org.staffoutcomes.bundle;

import static org.staffoutcomes.bundle.IndexPage.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.analysis.OrganisationYear;
import org.staffoutcomes.bundle.TrustData.Linked;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.standing.ChangeRow;
import org.staffoutcomes.standing.PositionRow;
import org.staffoutcomes.trends.TrendRow;

/**
 * {@code trusts/<org_code>.html}: one organisation's latest position in each staff measure with its
 * changes, its significant changes, its culture measures, each staff measure and outcome against its
 * benchmarking group's median and middle half over the years, and for context the national
 * associations of its strongest and weakest staff measures with each outcome. Years restated from
 * predecessors are marked. Every number links to its CSV row.
 */
final class TrustProfilePage {

  /** How many of the organisation's strongest (and weakest) staff measures the associations show. */
  static final int STRONGEST = 2;
  /** How many survey years back {@code changes.csv}'s five-year change looks. */
  static final int FIVE_YEARS = 5;

  private final TrustData d;
  private final String org;
  private final Set<String> spcCharts;
  private final Map<Integer, Linked<OrganisationYear>> years = new TreeMap<>();
  private final StringBuilder h = new StringBuilder(128 * 1024);

  private TrustProfilePage(TrustData d, String org, Set<String> spcCharts) {
    this.d = d;
    this.org = org;
    this.spcCharts = spcCharts;
    d.organisations.getOrDefault(org, List.of()).forEach(y -> years.put(y.row().year(), y));
  }

  /** @param spcCharts the file names of the bundle's XmR charts (SVG, in {@code charts/}) */
  static String render(TrustData d, String org, Set<String> spcCharts) {
    return new TrustProfilePage(d, org, spcCharts).page();
  }

  private String page() {
    String name = d.name(org);
    PageHtml.open(h, (name.isEmpty() ? org : name + " (" + org + ")") + " \u2013 trust profile");
    PageHtml.crumbs(h);
    h.append("<h1>").append(esc(name.isEmpty() ? org : name)).append(" <small>(").append(esc(org))
        .append(")</small></h1>\n");
    header();
    PageHtml.linkScheme(h);
    h.append("<nav aria-label=\"Contents\"><ul><li><a href=\"#latest\">Latest position</a></li>")
        .append("<li><a href=\"#changes\">Significant changes</a></li><li><a href=\"#culture\">Culture</a></li>")
        .append("<li><a href=\"#staff\">Staff measures over the years</a></li>")
        .append("<li><a href=\"#outcomes\">Outcomes over the years</a></li>")
        .append("<li><a href=\"#spc\">XmR charts</a></li>")
        .append("<li><a href=\"#associations\">National associations</a></li></ul></nav>\n");
    h.append("<section aria-labelledby=\"latest\">\n<h2 id=\"latest\">Latest position</h2>\n<p>Each staff measure")
        .append(" in the organisation's latest survey year with a value, against its benchmarking group that year:")
        .append(" best, median and worst organisation, quintile (1 = the best fifth) and rank (1 = best), and its")
        .append(" change from the year before and over five years.</p>\n");
    positionTable(d.staffMeasures);
    h.append("</section>\n");
    significantChanges();
    culture();
    h.append("<section aria-labelledby=\"staff\">\n<h2 id=\"staff\">Staff measures over the years</h2>\n")
        .append("<p>The organisation's value each year against its benchmarking group's median and middle half")
        .append(" (first to third quartile) that year, and its quintile in the group.</p>\n<div class=\"grid\">\n");
    d.staffMeasures.forEach(this::series);
    h.append("</div>\n</section>\n");
    outcomes();
    spcCharts();
    associations();
    return PageHtml.close(h);
  }

  private void header() {
    Optional<OrganisationYear> latest = d.latest(org).map(Linked::row);
    if (latest.isPresent()) {
      OrganisationYear o = latest.get();
      h.append("<p class=\"meta\">Benchmarking group: <strong>").append(esc(o.benchmarkGroup()))
          .append("</strong> &middot; Region: ").append(esc(o.region())).append(" &middot; Type: ")
          .append(esc(o.trustType())).append(" &middot; Years in the panel: ")
          .append(years.keySet().iterator().next()).append("\u2013").append(o.year()).append("</p>\n");
    }
    List<Integer> restated = years.values().stream().filter(y -> y.row().restated()).map(y -> y.row().year()).toList();
    String predecessors = years.values().stream().flatMap(y -> y.row().predecessors().stream()).distinct().sorted()
        .collect(Collectors.joining(", "));
    String succession = latest.map(OrganisationYear::succession).orElse("");
    if (!restated.isEmpty()) {
      h.append("<p class=\"note restated\">Formed by a merger: the years marked <span class=\"tag\">restated</span> (")
          .append(restated.stream().map(String::valueOf).collect(Collectors.joining(", ")))
          .append(") combine the results of its predecessors ").append(esc(predecessors))
          .append(", restated under this organisation so that it is one series.</p>\n");
    } else if (!succession.isEmpty()) {
      h.append("<p class=\"note\">Succession: ").append(esc(succession)).append(".</p>\n");
    }
  }

  /** One row per measure with a position: its latest year's value, group, quintile, rank and changes. */
  private void positionTable(List<MeasureInfo> measures) {
    h.append("<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Year</th>")
        .append("<th scope=\"col\" class=\"num\">Value</th><th scope=\"col\" class=\"num\">Group best</th>")
        .append("<th scope=\"col\" class=\"num\">Median</th><th scope=\"col\" class=\"num\">Worst</th>")
        .append("<th scope=\"col\" class=\"num\">Quintile</th><th scope=\"col\" class=\"num\">Rank</th>")
        .append("<th scope=\"col\">Change from the year before</th><th scope=\"col\">Change over five years</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (MeasureInfo m : measures) {
      Optional<Linked<PositionRow>> latest = d.latestPosition(org, m.name());
      if (latest.isEmpty()) {
        h.append("<tr><th scope=\"row\" class=\"text\">").append(esc(m.label()))
            .append("</th><td colspan=\"9\" class=\"empty\">no value in any year</td></tr>\n");
        continue;
      }
      PositionRow p = latest.get().row();
      RowLink at = latest.get().link();
      h.append("<tr").append(restatedClass(p.year())).append("><th scope=\"row\" class=\"text\"><a href=\"#m-")
          .append(esc(m.name())).append("\">").append(esc(m.label())).append("</a> <small>(").append(esc(m.unit()))
          .append(")</small></th><td>").append(year(p.year())).append("</td><td class=\"num\">")
          .append(at.number("value", p.value())).append("</td><td class=\"num\">")
          .append(at.number("group_best", p.groupBest())).append("</td><td class=\"num\">")
          .append(at.number("group_median", p.groupMedian())).append("</td><td class=\"num\">")
          .append(at.number("group_worst", p.groupWorst())).append("</td><td class=\"num\">")
          .append(at.number("quintile", p.quintile())).append("</td><td class=\"num\">")
          .append(at.number("rank", p.rank())).append(" of ").append(at.number("group_n", p.groupN()))
          .append("</td>");
      Optional<Linked<ChangeRow>> moved = d.change(org, m.name(), p.year());
      h.append("<td>").append(moved.map(TrustProfilePage::yearOnYear).orElse("")).append("</td><td>")
          .append(moved.map(TrustProfilePage::overFiveYears).orElse(""))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table></div>\n");
  }

  /** The change from the year before, with its sign, its p and its flag. */
  private static String yearOnYear(Linked<ChangeRow> c) {
    ChangeRow r = c.row();
    return change(c.link(), "change", r.change(), "p", r.p(), r.significance());
  }

  /** The change over five years, with its sign, its p and its flag. */
  private static String overFiveYears(Linked<ChangeRow> c) {
    ChangeRow r = c.row();
    return change(c.link(), "five_year_change", r.fiveYearChange(), "five_year_p", r.fiveYearP(),
        r.fiveYearSignificance());
  }

  /** A change and its p, linked to their columns of the row, and its flag (the reason in a tooltip when not tested). */
  private static String change(RowLink row, String changeColumn, double change, String pColumn, double p,
      String significance) {
    if (Double.isNaN(change)) {
      return "<span title=\"" + esc(significance) + "\">" + PageNumbers.MISSING + "</span>";
    }
    StringBuilder s = new StringBuilder(row.signed(changeColumn, change));
    if (!Double.isNaN(p)) {
      s.append(" (p ").append(row.number(pColumn, p)).append(")");
    }
    return s.append(" ").append(flag(significance)).toString();
  }

  private static String flag(String significance) {
    if (TrustIndexPage.BETTER.equals(significance)) {
      return "<span class=\"better\">" + esc(significance) + "</span>";
    }
    if (TrustIndexPage.WORSE.equals(significance)) {
      return "<span class=\"worse\">" + esc(significance) + "</span>";
    }
    int colon = significance.indexOf(':');
    return colon < 0 ? "<small>" + esc(significance) + "</small>"
        : "<small title=\"" + esc(significance) + "\">" + esc(significance.substring(0, colon)) + "</small>";
  }

  private void significantChanges() {
    h.append("<section aria-labelledby=\"changes\">\n<h2 id=\"changes\">Significant changes</h2>\n<p>Newest first, every year in")
        .append(" which a staff measure changed significantly (5%, two-sided) from the year before or from five")
        .append(" years before: a two-proportion z-test on the base n for percentages; mean scores have no standard")
        .append(" error in the published results and are not tested.</p>\n");
    // Newest first; within a year, measures in the catalog's order
    TreeMap<Integer, List<String>> byYear = new TreeMap<>(Comparator.reverseOrder());
    for (MeasureInfo m : d.staffMeasures) {
      for (Linked<ChangeRow> c : d.changes(org, m.name())) {
        ChangeRow r = c.row();
        List<String> year = byYear.computeIfAbsent(r.year(), y -> new ArrayList<>());
        if (significant(r.significance())) {
          year.add(changeRow(m, r.year(), r.previousYear(), yearOnYear(c)));
        }
        if (significant(r.fiveYearSignificance())) {
          year.add(changeRow(m, r.year(), r.year() - FIVE_YEARS, overFiveYears(c)));
        }
      }
    }
    List<String> rows = byYear.values().stream().flatMap(List::stream).toList();
    if (rows.isEmpty()) {
      h.append("<p class=\"empty\">No significant change in any staff measure and year.</p>\n");
    } else {
      h.append("<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Year</th>")
          .append("<th scope=\"col\">Compared with</th><th scope=\"col\">Change</th></tr></thead>\n<tbody>\n");
      rows.forEach(h::append);
      h.append("</tbody>\n</table></div>\n");
    }
    h.append("</section>\n");
  }

  private String changeRow(MeasureInfo m, int year, int since, String change) {
    return "<tr" + restatedClass(year) + "><th scope=\"row\" class=\"text\">" + esc(m.label()) + "</th><td>"
        + year(year) + "</td><td>" + year(since) + "</td><td>" + change + "</td></tr>\n";
  }

  private static boolean significant(String significance) {
    return TrustIndexPage.BETTER.equals(significance) || TrustIndexPage.WORSE.equals(significance);
  }

  private void culture() {
    h.append("<section aria-labelledby=\"culture\">\n<h2 id=\"culture\">Culture</h2>\n");
    List<MeasureInfo> culture = d.cultureMeasures();
    if (culture.isEmpty()) {
      h.append("<p class=\"empty\">The catalog names no culture measures (<code>analysis.culture_measures</code>).")
          .append("</p>\n</section>\n");
      return;
    }
    h.append("<p>The staff measures the catalog counts as the culture that keeps patients safe (speaking up,")
        .append(" leadership, bullying, discrimination, burnout: <code>analysis.culture_measures</code>), in the")
        .append(" latest year with a value; each one's years are under Staff measures over the years, and every")
        .append(" trust's are in the <a href=\"").append(TrustPages.CULTURE).append("\">culture table</a>.</p>\n");
    positionTable(culture);
    h.append("</section>\n");
  }

  private void outcomes() {
    h.append("<section aria-labelledby=\"outcomes\">\n<h2 id=\"outcomes\">Outcomes over the years</h2>\n")
        .append("<p>The organisation's outcomes and performance metrics in the window of each survey year, against")
        .append(" its benchmarking group's median and middle half that year.</p>\n<div class=\"grid\">\n");
    List<String> ordinal = new ArrayList<>();
    for (MeasureInfo m : d.outcomes) {
      if (m.ordinal()) {
        ordinal.add(m.label());
      } else {
        series(m);
      }
    }
    h.append("</div>\n");
    if (!ordinal.isEmpty()) {
      h.append("<p>").append(esc(String.join(", ", ordinal))).append(": ordered levels, not a scale, so no median")
          .append(" or position; the bundle's index page shows them by quintile of the headline staff measure.</p>\n");
    }
    h.append("</section>\n");
  }

  /** A measure's years: value, group median and middle half, quintile. */
  private void series(MeasureInfo m) {
    List<Linked<PositionRow>> rows = d.positions(org, m.name());
    h.append("<div><h3 id=\"m-").append(esc(m.name())).append("\">").append(esc(m.label())).append("</h3>\n<p><small>")
        .append(esc(m.unit())).append(m.higherIsBetter() ? "; higher is better" : "; lower is better")
        .append("</small></p>\n");
    if (rows.isEmpty()) {
      h.append("<p class=\"empty\">No value in any year.</p>\n</div>\n");
      return;
    }
    h.append("<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Year</th><th scope=\"col\" class=\"num\">Value</th>")
        .append("<th scope=\"col\" class=\"num\">Median</th><th scope=\"col\" class=\"num\">Middle half</th>")
        .append("<th scope=\"col\" class=\"num\">Quintile</th></tr></thead>\n<tbody>\n");
    for (Linked<PositionRow> row : rows) {
      PositionRow p = row.row();
      Optional<Linked<TrendRow>> group = d.trend(m.name(), p.benchmarkGroup(), p.year());
      h.append("<tr").append(restatedClass(p.year())).append("><td>").append(year(p.year()))
          .append("</td><td class=\"num\">").append(row.link().number("value", p.value())).append("</td><td class=\"num\">")
          .append(group.map(g -> g.link().number("median", g.row().median())).orElse(PageNumbers.MISSING))
          .append("</td><td class=\"num\">")
          .append(group.map(g -> g.link().number("q1", g.row().q1()) + " to " + g.link().number("q3", g.row().q3()))
              .orElse(PageNumbers.MISSING))
          .append("</td><td class=\"num\">").append(row.link().number("quintile", p.quintile())).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table></div>\n</div>\n");
  }

  /** The organisation's XmR charts the render drew (SVG), in the catalog's order of measures. */
  private void spcCharts() {
    h.append("<section aria-labelledby=\"spc\">\n<h2 id=\"spc\">XmR charts</h2>\n<p>Statistical process control")
        .append(" charts of the measures the catalog names (<code>analysis.spc_measures</code>): each year's value")
        .append(" against the organisation's own mean and process limits, special-cause points marked by the")
        .append(" Making Data Count rules; their numbers are in <a href=\"../data/spc.csv\">data/spc.csv</a>.</p>\n");
    int shown = 0;
    for (MeasureInfo m : d.allMeasures) {
      String file = RenderStage.spcStem(org, m.name()) + ".svg";
      if (spcCharts.contains(file)) {
        h.append("<figure>\n<img src=\"../").append(BundleFolder.CHARTS).append("/").append(esc(file))
            .append("\" alt=\"XmR chart of ").append(esc(m.label())).append(" at ").append(esc(org))
            .append(" by survey year\" loading=\"lazy\">\n</figure>\n");
        shown++;
      }
    }
    if (shown == 0) {
      h.append("<p class=\"empty\">No XmR chart for this organisation.</p>\n");
    }
    h.append("</section>\n");
  }

  private void associations() {
    h.append("<section aria-labelledby=\"associations\">\n<h2 id=\"associations\">National associations</h2>\n")
        .append("<p>For context: how this organisation's strongest and weakest staff measures (by its quintile and")
        .append(" rank in its benchmarking group, latest year) go with each outcome across all trusts, every survey")
        .append(" year pooled (Pearson r, Spearman for ordered levels; 95% confidence interval; p adjusted for the")
        .append(" false discovery rate). These are <strong>associations across trusts, not causes</strong>: they do")
        .append(" not say that this organisation's outcomes follow from its staff measures, nor that changing a")
        .append(" measure here would change an outcome.</p>\n");
    List<Linked<PositionRow>> chosen = strongestAndWeakest();
    if (chosen.isEmpty() || d.outcomes.isEmpty()) {
      h.append("<p class=\"empty\">No staff measure with a position, or no outcome, for this organisation.</p>\n")
          .append("</section>\n");
      return;
    }
    h.append("<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Staff measure</th>")
        .append("<th scope=\"col\">Here</th><th scope=\"col\">Outcome</th><th scope=\"col\" class=\"num\">r</th>")
        .append("<th scope=\"col\" class=\"num\">95% CI</th><th scope=\"col\" class=\"num\">p adjusted</th>")
        .append("<th scope=\"col\" class=\"num\">n</th><th scope=\"col\">Across trusts</th></tr></thead>\n<tbody>\n");
    for (int k = 0; k < chosen.size(); k++) {
      Linked<PositionRow> p = chosen.get(k);
      MeasureInfo staff = d.catalog.measure(p.row().measure()).orElseThrow();
      String here = (k < (chosen.size() + 1) / 2 ? "strongest" : "weakest") + ": quintile "
          + p.link().number("quintile", p.row().quintile());
      List<MeasureInfo> outcomes = d.outcomes;
      for (MeasureInfo outcome : outcomes) {
        Optional<Linked<CorrelationRow>> a = d.association(staff.name(), outcome.name());
        h.append("<tr>");
        if (outcome == outcomes.get(0)) {
          h.append("<th scope=\"rowgroup\" rowspan=\"").append(outcomes.size()).append("\" class=\"text\">")
              .append(esc(staff.label())).append("</th><td rowspan=\"").append(outcomes.size()).append("\">")
              .append(here).append("</td>");
        }
        h.append("<td class=\"text\">").append(esc(outcome.label())).append("</td>");
        if (a.isEmpty()) {
          h.append("<td colspan=\"5\" class=\"empty\">not computed</td></tr>\n");
          continue;
        }
        CorrelationRow r = a.get().row();
        RowLink at = a.get().link();
        h.append("<td class=\"num\">").append(at.number("r", r.r())).append("</td><td class=\"num\">")
            .append(Double.isNaN(r.ciLow()) && Double.isNaN(r.ciHigh()) ? PageNumbers.MISSING
                : at.number("ci_low", r.ciLow()) + " to " + at.number("ci_high", r.ciHigh()))
            .append("</td><td class=\"num\">").append(at.number("p_adjusted", r.pAdjusted())).append("</td><td class=\"num\">")
            .append(at.number("n", r.n())).append("</td><td class=\"text\">").append(esc(reading(staff, outcome, r)))
            .append("</td></tr>\n");
      }
    }
    h.append("</tbody>\n</table></div>\n</section>\n");
  }

  /** The organisation's strongest then weakest staff measures in its latest positions (at most two each). */
  private List<Linked<PositionRow>> strongestAndWeakest() {
    List<Linked<PositionRow>> latest = new ArrayList<>();
    for (MeasureInfo m : d.staffMeasures) {
      d.latestPosition(org, m.name()).ifPresent(latest::add);
    }
    int year = latest.stream().mapToInt(p -> p.row().year()).max().orElse(0);
    latest.removeIf(p -> p.row().year() != year);
    latest.sort(Comparator.comparingInt((Linked<PositionRow> p) -> p.row().quintile())
        .thenComparingDouble(p -> (double) p.row().rank() / p.row().groupN()));
    int each = Math.min(STRONGEST, latest.size() / 2);
    if (each == 0) {
      return latest;
    }
    List<Linked<PositionRow>> out = new ArrayList<>(latest.subList(0, each));
    out.addAll(latest.subList(latest.size() - each, latest.size()));
    return out;
  }

  /** The association in words, never as a cause. */
  static String reading(MeasureInfo staff, MeasureInfo outcome, CorrelationRow r) {
    if (Double.isNaN(r.r())) {
      return r.note() == null || r.note().isEmpty() ? "not computed" : "not computed: " + r.note();
    }
    if (!(r.pAdjusted() < 0.05)) {
      return "no clear association (adjusted p not below 0.05)";
    }
    return "higher values of " + staff.label() + " went with " + (r.r() > 0 ? "higher" : "lower") + " values of "
        + outcome.label();
  }

  private String restatedClass(int year) {
    Linked<OrganisationYear> y = years.get(year);
    return y != null && y.row().restated() ? " class=\"restated\"" : "";
  }

  /** The year, tagged when restated from predecessors (their codes in the tag's title). */
  private String year(int year) {
    Linked<OrganisationYear> y = years.get(year);
    if (y == null || !y.row().restated()) {
      return String.valueOf(year);
    }
    return year + " <span class=\"tag\" title=\"combines predecessors " + esc(String.join(", ", y.row().predecessors()))
        + "\">restated</span>";
  }
}
