package org.staffoutcomes.bundle;

import static org.staffoutcomes.bundle.IndexPage.esc;

import java.util.Map;
import java.util.Optional;
import org.staffoutcomes.analysis.OrganisationYear;
import org.staffoutcomes.bundle.TrustData.Linked;
import org.staffoutcomes.standing.ChangeRow;
import org.staffoutcomes.standing.PositionRow;
import org.staffoutcomes.stats.ChangeTest;

/**
 * {@code trusts/index.html}: one row per organisation (code, name, benchmarking group, region, its
 * latest headline score with quintile and rank, and its significant changes in the latest survey
 * year), sortable by any column and filtered by the text typed, with a few lines of inline script.
 */
final class TrustIndexPage {

  static final String BETTER = ChangeTest.Significance.BETTER.label();
  static final String WORSE = ChangeTest.Significance.WORSE.label();

  private TrustIndexPage() {}

  static String render(TrustData d) {
    StringBuilder h = new StringBuilder(64 * 1024);
    String headline = d.headline.label();
    PageHtml.open(h, "Trust profiles \u2013 " + d.catalog.title());
    PageHtml.crumbs(h);
    int count = d.organisations.size();
    h.append("<h1>Trust profiles</h1>\n<p class=\"meta\">").append(esc(d.catalog.title())).append("</p>\n")
        .append("<p>One row per organisation (").append(count).append("). ").append(esc(headline))
        .append(" (").append(esc(d.headline.unit())).append(") is each organisation's latest survey year;")
        .append(" quintile and rank are within its benchmarking group that year (1 = best). Significant")
        .append(" changes counts the staff measures whose change from ").append(d.latestYear - 1).append(" to ")
        .append(d.latestYear).append(" is significantly better or worse (5%, two-sided: a two-proportion")
        .append(" z-test on the base n for percentages; mean scores are not tested). Press a column heading")
        .append(" to sort; type to filter.</p>\n");
    PageHtml.linkScheme(h);
    h.append("<label class=\"filter\" for=\"filter\">Find a trust by code, name, group or region</label>\n")
        .append("<input type=\"search\" id=\"filter\" autocomplete=\"off\">\n<p><span id=\"shown\">").append(count)
        .append("</span> of ").append(count).append(" organisations shown.</p>\n")
        .append("<div class=\"scroll\"><table class=\"sortable\" id=\"trusts\">\n<thead><tr>")
        .append(PageHtml.sortableHeader("Code", false)).append(PageHtml.sortableHeader("Name", false))
        .append(PageHtml.sortableHeader("Benchmarking group", false)).append(PageHtml.sortableHeader("Region", false))
        .append(PageHtml.sortableHeader("Year", true)).append(PageHtml.sortableHeader(headline, true))
        .append(PageHtml.sortableHeader("Quintile", true)).append(PageHtml.sortableHeader("Rank", true))
        .append(PageHtml.sortableHeader("Significant changes " + d.latestYear, true))
        .append("</tr></thead>\n<tbody>\n");
    for (Map.Entry<String, String> page : d.pages().entrySet()) {
      row(h, d, page.getKey(), page.getValue());
    }
    h.append("</tbody>\n</table></div>\n");
    return PageHtml.closeSortable(h);
  }

  private static void row(StringBuilder h, TrustData d, String org, String file) {
    Optional<OrganisationYear> latest = d.latest(org).map(Linked::row);
    Optional<Linked<PositionRow>> score = d.latestPosition(org, d.headline.name());
    String group = latest.map(OrganisationYear::benchmarkGroup).filter(g -> !g.isEmpty())
        .orElse(score.map(s -> s.row().benchmarkGroup()).orElse(""));
    h.append("<tr><td data-sort=\"").append(esc(org)).append("\"><a href=\"").append(esc(file)).append("\">")
        .append(esc(org)).append("</a></td><td class=\"text\">").append(esc(d.name(org))).append("</td><td class=\"text\">")
        .append(esc(group)).append("</td><td>").append(esc(latest.map(OrganisationYear::region).orElse("")))
        .append("</td>");
    if (score.isPresent()) {
      PositionRow p = score.get().row();
      RowLink link = score.get().link();
      h.append("<td class=\"num\">").append(p.year()).append("</td><td class=\"num\"").append(PageHtml.sortKey(p.value()))
          .append(">").append(link.number("value", p.value())).append("</td><td class=\"num\"")
          .append(PageHtml.sortKey(p.quintile())).append(">").append(link.number("quintile", p.quintile()))
          .append("</td><td class=\"num\"").append(PageHtml.sortKey(p.rank())).append(">")
          .append(link.number("rank", p.rank())).append(" of ").append(link.number("group_n", p.groupN()))
          .append("</td>");
    } else {
      h.append("<td class=\"num\" data-sort=\"\"></td><td class=\"num\" data-sort=\"\">").append(PageNumbers.MISSING)
          .append("</td><td class=\"num\" data-sort=\"\"></td><td class=\"num\" data-sort=\"\"></td>");
    }
    int better = 0;
    int worse = 0;
    for (var m : d.staffMeasures) {
      Optional<Linked<ChangeRow>> c = d.change(org, m.name(), d.latestYear);
      if (c.isPresent() && BETTER.equals(c.get().row().significance())) {
        better++;
      } else if (c.isPresent() && WORSE.equals(c.get().row().significance())) {
        worse++;
      }
    }
    h.append("<td class=\"num\" data-sort=\"").append(better + worse).append("\"><a href=\"").append(esc(file))
        .append("#changes\">").append(better + worse).append("</a>");
    if (better + worse > 0) {
      h.append(" (").append(better).append(" better, ").append(worse).append(" worse)");
    }
    h.append("</td></tr>\n");
  }
}
