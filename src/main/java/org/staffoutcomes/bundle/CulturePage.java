package org.staffoutcomes.bundle;

import static org.staffoutcomes.bundle.IndexPage.esc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.staffoutcomes.bundle.TrustData.Linked;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.standing.PositionRow;
import org.staffoutcomes.trends.TrendRow;

/**
 * {@code trusts/culture.html}: every organisation by the catalog's culture measures in the latest
 * survey year (value and quintile in its benchmarking group; sortable and searchable), and the gap
 * between the best and the worst organisation in each measure, year by year.
 */
final class CulturePage {

  private CulturePage() {}

  static String render(TrustData d) {
    StringBuilder h = new StringBuilder(64 * 1024);
    PageHtml.open(h, "Culture table \u2013 " + d.catalog.title());
    PageHtml.crumbs(h);
    h.append("<h1>Culture: trusts by culture measures</h1>\n<p class=\"meta\">").append(esc(d.catalog.title()))
        .append("</p>\n");
    List<MeasureInfo> culture = d.cultureMeasures();
    if (culture.isEmpty()) {
      h.append("<p class=\"empty\">The catalog names no culture measures (<code>analysis.culture_measures</code>).")
          .append("</p>\n");
      return PageHtml.close(h);
    }
    h.append("<p>The staff measures the catalog counts as the culture that keeps patients safe (speaking up,")
        .append(" leadership, bullying, discrimination, burnout: <code>analysis.culture_measures</code>): ");
    for (int i = 0; i < culture.size(); i++) {
      MeasureInfo m = culture.get(i);
      h.append(i == 0 ? "" : "; ").append(esc(m.label())).append(" (").append(esc(m.unit()))
          .append(m.higherIsBetter() ? ", higher is better" : ", lower is better").append(")");
    }
    h.append(".</p>\n");
    PageHtml.linkScheme(h);
    latestYear(h, d, culture);
    gaps(h, d, culture);
    return PageHtml.closeSortable(h);
  }

  private static void latestYear(StringBuilder h, TrustData d, List<MeasureInfo> all) {
    int year = d.latestYear;
    // A measure no organisation has in the latest year (a series that ended, such as the Freedom to
    // Speak Up index in 2020) would be a column of dashes: it is named instead, and kept in the gaps.
    List<MeasureInfo> culture = all.stream()
        .filter(m -> d.pages().keySet().stream().anyMatch(org -> latest(d, org, m, year).isPresent())).toList();
    List<MeasureInfo> ended = all.stream().filter(m -> !culture.contains(m)).toList();
    List<String> orgs = d.pages().keySet().stream()
        .filter(org -> culture.stream().anyMatch(m -> latest(d, org, m, year).isPresent())).toList();
    int count = orgs.size();
    h.append("<section aria-labelledby=\"latest\">\n<h2 id=\"latest\">Trusts in ").append(year).append("</h2>\n")
        .append("<p>Each organisation with a culture measure in ").append(year).append(" (").append(count).append(" of ")
        .append(d.organisations.size()).append("), with its quintile in its benchmarking")
        .append(" group (Q1 = the best fifth). Press a column heading to sort; type to filter.</p>\n")
        .append(ended.isEmpty() ? "" : "<p class=\"note\">No organisation has " + String.join(", ", ended.stream()
            .map(m -> esc(m.label())).toList()) + " in " + year + " (not asked or not scored that year): "
            + (ended.size() == 1 ? "it is" : "they are") + " left out of this table and shown by year below.</p>\n")
        .append("<label class=\"filter\" for=\"filter\">Find a trust by code, name or group</label>\n")
        .append("<input type=\"search\" id=\"filter\" autocomplete=\"off\">\n<p><span id=\"shown\">").append(count)
        .append("</span> of ").append(count).append(" organisations shown.</p>\n")
        .append("<div class=\"scroll\"><table class=\"sortable\" id=\"culture\">\n<thead><tr>")
        .append(PageHtml.sortableHeader("Code", false)).append(PageHtml.sortableHeader("Name", false))
        .append(PageHtml.sortableHeader("Benchmarking group", false));
    culture.forEach(m -> h.append(PageHtml.sortableHeader(m.label(), true)));
    h.append("</tr></thead>\n<tbody>\n");
    for (String org : orgs) {
      String group = d.latest(org).map(o -> o.row().benchmarkGroup()).orElse("");
      h.append("<tr><td data-sort=\"").append(esc(org)).append("\"><a href=\"").append(esc(TrustPages.fileName(org)))
          .append("#culture\">").append(esc(org)).append("</a></td><td class=\"text\">").append(esc(d.name(org)))
          .append("</td><td class=\"text\">").append(esc(group)).append("</td>");
      for (MeasureInfo m : culture) {
        Optional<Linked<PositionRow>> p = latest(d, org, m, year);
        if (p.isEmpty()) {
          h.append("<td class=\"num\" data-sort=\"\">").append(PageNumbers.MISSING).append("</td>");
        } else {
          PositionRow r = p.get().row();
          h.append("<td class=\"num\"").append(PageHtml.sortKey(r.value())).append(">")
              .append(p.get().link().number("value", r.value())).append(" <small>Q")
              .append(p.get().link().number("quintile", r.quintile())).append("</small></td>");
        }
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table></div>\n</section>\n");
  }

  /** The organisation's position in {@code measure} in {@code year}, if it has a value then. */
  private static Optional<Linked<PositionRow>> latest(TrustData d, String org, MeasureInfo measure, int year) {
    return d.positions(org, measure.name()).stream().filter(x -> x.row().year() == year).findFirst();
  }

  /** Per year and measure: the largest value minus the smallest, over every organisation. */
  private static void gaps(StringBuilder h, TrustData d, List<MeasureInfo> culture) {
    Map<Integer, Map<String, Linked<TrendRow>>> byYear = new TreeMap<>();
    for (MeasureInfo m : culture) {
      for (Linked<TrendRow> t : d.national(m.name())) {
        byYear.computeIfAbsent(t.row().year(), y -> new TreeMap<>()).put(m.name(), t);
      }
    }
    h.append("<section aria-labelledby=\"gaps\">\n<h2 id=\"gaps\">Gap between the best and the worst trust</h2>\n")
        .append("<p>Each year, the highest value of any organisation minus the lowest (columns <code>max</code> and")
        .append(" <code>min</code> of <code>data/trends.csv</code>, group <code>").append(esc(TrendRow.ALL_GROUPS))
        .append("</code>), with the number of organisations: a narrowing gap means that trusts became more alike.")
        .append("</p>\n<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Year</th>");
    culture.forEach(m -> h.append("<th scope=\"col\" class=\"num\">").append(esc(m.label())).append("</th>"));
    h.append("</tr></thead>\n<tbody>\n");
    for (int year : byYear.keySet()) {
      h.append("<tr><td>").append(year).append("</td>");
      for (MeasureInfo m : culture) {
        Linked<TrendRow> t = byYear.get(year).get(m.name());
        h.append("<td class=\"num\">");
        if (t == null) {
          h.append(PageNumbers.MISSING);
        } else {
          h.append(t.link().number("max-min", t.row().max() - t.row().min())).append(" <small>(n ")
              .append(t.link().number("n", t.row().n())).append(")</small>");
        }
        h.append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table></div>\n</section>\n");
  }
}
