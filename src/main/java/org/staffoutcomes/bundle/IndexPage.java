package org.staffoutcomes.bundle;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code index.html}: one self-contained page (inline CSS, no scripts, nothing fetched from the
 * network) that shows the run's inputs and charts. All text is HTML-escaped.
 */
final class IndexPage {

  static final String FILE_NAME = "index.html";

  static final String CSS = """
      body{margin:0;background:#fff;color:#222;font:16px/1.5 system-ui,-apple-system,"Segoe UI",\
      Roboto,"Helvetica Neue",Arial,sans-serif}
      main{max-width:1100px;margin:0 auto;padding:1.5rem 1rem 3rem}
      h1{font-size:1.9rem;line-height:1.2;margin:0 0 .3rem}
      h2{font-size:1.4rem;margin:2.2rem 0 .4rem;padding-top:.6rem;border-top:1px solid #ddd}
      .run{color:#555;margin:0 0 1rem}
      nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem}
      a{color:#0b5394}a:focus{outline:3px solid #e69f00;outline-offset:2px}
      .note{background:#f4f7fb;border-left:4px solid #0072b2;padding:.7rem 1rem}
      table{border-collapse:collapse;width:100%;font-size:.95rem;margin:.5rem 0}
      caption{text-align:left;color:#555;padding-bottom:.3rem}
      th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
      td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
      code{font-size:.9em;word-break:break-all}
      figure{margin:1.5rem 0 2rem}
      img{display:block;max-width:100%;height:auto;border:1px solid #eee}
      figcaption{margin-top:.5rem;color:#333}
      .empty{color:#555;font-style:italic}
      .checks{background:#fdecea;border-left:4px solid #b00020;padding:.7rem 1rem}
      ul.cols{columns:17rem;padding-left:1.2rem;font-size:.95rem}
      """;

  private IndexPage() {}

  /**
   * @param quarantineHref relative link to the quarantine CSV, or null when there is none
   */
  static String render(RunInfo run, List<BundleChart> charts, String quarantineHref) {
    return render(run, charts, quarantineHref, List.of());
  }

  /** @param findings key findings in plain language, listed after the reading guide */
  static String render(RunInfo run, List<BundleChart> charts, String quarantineHref, List<String> findings) {
    return render(run, charts, quarantineHref, new BundleData(List.of(), List.of(), null, findings));
  }

  /**
   * @param data the key findings, what the publish checks decided (shown first when a check failed)
   *     and the organisations no reference knows
   */
  static String render(RunInfo run, List<BundleChart> charts, String quarantineHref, BundleData data) {
    return render(run, charts, quarantineHref, data, List.of());
  }

  /** @param pages the bundle's other pages (the trust pages), linked after the key findings */
  static String render(RunInfo run, List<BundleChart> charts, String quarantineHref, BundleData data,
      List<BundlePage> pages) {
    List<String> findings = data.findings();
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(run.catalogTitle())).append(" \u2013 run ")
        .append(esc(run.runId())).append("</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");
    h.append("<h1>").append(esc(run.catalogTitle())).append("</h1>\n")
        .append("<p class=\"run\">Run <code>").append(esc(run.runId())).append("</code>, ")
        .append("started ").append(time(run)).append(", version ")
        .append(esc(run.projectVersion())).append(" (catalog <code>")
        .append(esc(run.catalogName())).append("</code>)</p>\n");
    checks(h, data.verdict());
    h.append("<nav aria-label=\"Contents\"><ul>")
        .append("<li><a href=\"#how\">How to read these charts</a></li>");
    if (!findings.isEmpty()) {
      h.append("<li><a href=\"#findings\">Key findings</a></li>");
    }
    if (!pages.isEmpty()) {
      h.append("<li><a href=\"#pages\">Trust profiles</a></li>");
    }
    List<Section> sections = java.util.Arrays.stream(Section.values())
        .filter(s -> s.shownWhenEmpty() || charts.stream().anyMatch(c -> c.section() == s))
        .toList();
    for (Section s : sections) {
      h.append("<li><a href=\"#").append(s.id()).append("\">").append(esc(s.heading()))
          .append("</a></li>");
    }
    if (!data.unknownOrganisations().isEmpty()) {
      h.append("<li><a href=\"#unknown\">Organisations not in the reference</a></li>");
    }
    h.append("<li><a href=\"#inputs\">Input files</a></li>")
        .append("<li><a href=\"#data\">Data files</a></li></ul></nav>\n");

    h.append("<section aria-labelledby=\"how\">\n<h2 id=\"how\">How to read these charts</h2>\n")
        .append("<p class=\"note\">These charts show <strong>associations</strong> across NHS")
        .append(" trusts and survey years, <strong>not causes</strong>: trusts whose staff report")
        .append(" better experiences may also differ in size, patients, funding or location.")
        .append(" Results pooled over years treat every trust-year as independent although the")
        .append(" same trusts appear in several years, so pooled p-values and confidence intervals")
        .append(" overstate how precise the estimates are. Trend lines are the median across")
        .append(" organisations; the shaded bands hold the middle half of organisations")
        .append(" (interquartile range). Charts are shown as SVG, sharp at any size; where a chart also has a")
        .append(" PNG (for documents), its caption links to it.</p>\n</section>\n");
    if (!findings.isEmpty()) {
      h.append("<section aria-labelledby=\"findings\">\n<h2 id=\"findings\">Key findings</h2>\n")
          .append("<p>Every staff measure against every outcome, all survey years pooled, that survives")
          .append(" a false discovery rate of 5% (Benjamini-Hochberg over every association test the run")
          .append(" reports), strongest first. Associations across trusts, not causes: see the models")
          .append(" (data/models.csv) for what remains once the outcome the year before is allowed for,")
          .append(" and for change within trusts.</p>\n<ul>\n");
      for (String f : findings) {
        h.append("<li>").append(esc(f)).append("</li>\n");
      }
      h.append("</ul>\n</section>\n");
    }

    pages(h, pages);
    for (Section s : sections) {
      section(h, s, charts.stream().filter(c -> c.section() == s).toList());
    }
    unknownOrganisations(h, data.unknownOrganisations());
    inputs(h, run, quarantineHref);

    h.append("<section aria-labelledby=\"data\">\n<h2 id=\"data\">Data files</h2>\n<ul>\n")
        .append("<li><a href=\"data/correlations.csv\">correlations.csv</a>: every coefficient")
        .append(" (staff measure, outcome, lag, scope, year, method, r, 95% CI, p, p adjusted for the false")
        .append(" discovery rate, n, note); methods pearson, spearman, pearson_weighted and partial.</li>\n")
        .append("<li><a href=\"data/models.csv\">models.csv</a>: weighted regressions with and without")
        .append(" the outcome the year before, and two-way fixed-effects (within-trust) regressions with")
        .append(" standard errors clustered by trust, term by term.</li>\n")
        .append("<li><a href=\"data/pooled.csv\">pooled.csv</a>: the yearly correlations pooled by")
        .append(" random-effects meta-analysis (DerSimonian-Laird), with tau&sup2;, I&sup2; and Q.</li>\n")
        .append("<li><a href=\"data/findings.csv\">findings.csv</a>: every association that survives the")
        .append(" false discovery rate, strongest first.</li>\n")
        .append("<li><a href=\"data/trends.csv\">trends.csv</a>: n, mean, median, quartiles,")
        .append(" minimum and maximum per measure, benchmarking group and year.</li>\n");
    if (!pages.isEmpty()) {
      h.append("<li><a href=\"data/organisation_years.csv\">organisation_years.csv</a>: each organisation and")
          .append(" year the trust pages name, with its benchmarking group and region and whether its values")
          .append(" are restated from predecessors; <a href=\"data/changes.csv\">changes.csv</a> and <a href=")
          .append("\"data/positions.csv\">positions.csv</a>: each organisation's changes and benchmark positions.</li>\n");
    }
    if (!data.unknownOrganisations().isEmpty()) {
      h.append("<li><a href=\"").append(BundleWriter.UNKNOWN_ORGANISATIONS_CSV)
          .append("\">unknown_organisations.csv</a>: organisation codes no reference knows, left out of")
          .append(" every figure.</li>\n");
    }
    if (quarantineHref != null) {
      h.append("<li><a href=\"").append(esc(quarantineHref)).append("\">quarantine.csv</a>:")
          .append(" input rows that failed the checks and were left out.</li>\n");
    }
    h.append("<li><a href=\"manifest.json\">manifest.json</a>: inputs and outputs of this run")
        .append(" with sizes and SHA-256 checksums.</li>\n</ul>\n</section>\n")
        .append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  /** The links to the trust pages; nothing when there are none. */
  private static void pages(StringBuilder h, List<BundlePage> pages) {
    if (pages.isEmpty()) {
      return;
    }
    h.append("<section aria-labelledby=\"pages\">\n<h2 id=\"pages\">Trust profiles</h2>\n<ul>\n");
    for (BundlePage p : pages) {
      h.append("<li><a href=\"").append(esc(p.href())).append("\">").append(esc(p.title())).append("</a>: ")
          .append(esc(p.description())).append("</li>\n");
    }
    h.append("</ul>\n</section>\n");
  }

  /** Failed publish checks, one line each, before anything else; nothing when every check passed. */
  private static void checks(StringBuilder h, org.staffoutcomes.publish.Verdict verdict) {
    if (verdict == null || verdict.passed()) {
      return;
    }
    h.append("<section class=\"checks\" role=\"alert\" aria-labelledby=\"checks\">\n<h2 id=\"checks\">")
        .append(verdict.publishAnyway() ? "Published anyway (--publish-anyway) although checks failed"
            : "Not published: checks failed")
        .append("</h2>\n<p>")
        .append(verdict.publishAnyway()
            ? "This bundle was made the latest on request although the checks below failed: read its figures with them in mind."
            : "This bundle was kept under its run id; <code>bundles/latest</code> still points at the last good bundle.")
        .append("</p>\n<ul>\n");
    for (org.staffoutcomes.publish.FailedCheck f : verdict.failed()) {
      h.append("<li><code>").append(esc(f.checkId())).append("</code>: ").append(esc(f.message())).append("</li>\n");
    }
    h.append("</ul>\n</section>\n");
  }

  /** The organisation codes no reference knows: code, datasets, survey years. */
  private static void unknownOrganisations(StringBuilder h,
      List<org.staffoutcomes.analysis.UnknownOrganisation> unknown) {
    if (unknown.isEmpty()) {
      return;
    }
    h.append("<section aria-labelledby=\"unknown\">\n<h2 id=\"unknown\">Organisations not in the reference</h2>\n")
        .append("<p>These organisation codes are in neither the organisations reference nor the successors file.")
        .append(" Their rows are kept in the lake but left out of every figure on this page (correlations,")
        .append(" models, trends and shares): <a href=\"").append(BundleWriter.UNKNOWN_ORGANISATIONS_CSV)
        .append("\">unknown_organisations.csv</a>.</p>\n<table>\n<thead><tr><th scope=\"col\">Code</th>")
        .append("<th scope=\"col\">Datasets</th><th scope=\"col\">Survey years</th></tr></thead>\n<tbody>\n");
    for (org.staffoutcomes.analysis.UnknownOrganisation u : unknown) {
      h.append("<tr><td><code>").append(esc(u.orgCode())).append("</code></td><td>")
          .append(esc(String.join(", ", u.datasets()))).append("</td><td>").append(esc(u.describeYears()))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</section>\n");
  }

  private static void inputs(StringBuilder h, RunInfo run, String quarantineHref) {
    h.append("<section aria-labelledby=\"inputs\">\n<h2 id=\"inputs\">Input files</h2>\n");
    if (run.inputs().isEmpty()) {
      h.append("<p class=\"empty\">No input files were recorded.</p>\n");
    } else {
      datasetSummary(h, run);
      h.append("<details>\n<summary>Every input file (").append(count(run.inputs().size()))
          .append(")</summary>\n");
      h.append("<table>\n<caption>Rows read from each file, kept for the analysis and set")
          .append(" aside (quarantined) because they failed a check.</caption>\n<thead><tr>")
          .append("<th scope=\"col\">Dataset</th><th scope=\"col\">File</th>")
          .append("<th scope=\"col\" class=\"num\">Rows read</th>")
          .append("<th scope=\"col\" class=\"num\">Kept</th>")
          .append("<th scope=\"col\" class=\"num\">Quarantined</th></tr></thead>\n<tbody>\n");
      for (InputFile f : run.inputs()) {
        h.append("<tr><td>").append(esc(f.dataset())).append("</td><td><code title=\"SHA-256 ")
            .append(esc(f.sha256())).append("\">").append(esc(f.path())).append("</code></td>")
            .append("<td class=\"num\">").append(count(f.rowsRead())).append("</td>")
            .append("<td class=\"num\">").append(count(f.rowsKept())).append("</td>")
            .append("<td class=\"num\">").append(count(f.rowsQuarantined())).append("</td></tr>\n");
      }
      h.append("</tbody>\n</table>\n</details>\n");
    }
    if (quarantineHref != null) {
      h.append("<p>Quarantined rows, with the reason for each: <a href=\"")
          .append(esc(quarantineHref)).append("\">quarantine.csv</a>.</p>\n");
    }
    h.append("<p>Sizes and SHA-256 checksums of inputs and outputs are in")
        .append(" <a href=\"manifest.json\">manifest.json</a>.</p>\n</section>\n");
  }

  /** One line per dataset: files, rows read, kept, quarantined (read = kept + quarantined). */
  private static void datasetSummary(StringBuilder h, RunInfo run) {
    java.util.Map<String, long[]> totals = new java.util.LinkedHashMap<>();
    for (InputFile f : run.inputs()) {
      long[] t = totals.computeIfAbsent(f.dataset(), k -> new long[4]);
      t[0]++;
      t[1] += f.rowsRead();
      t[2] += f.rowsKept();
      t[3] += f.rowsQuarantined();
    }
    h.append("<table>\n<caption>Rows read per dataset = rows kept + rows quarantined.</caption>\n")
        .append("<thead><tr><th scope=\"col\">Dataset</th><th scope=\"col\" class=\"num\">Files</th>")
        .append("<th scope=\"col\" class=\"num\">Rows read</th><th scope=\"col\" class=\"num\">Kept</th>")
        .append("<th scope=\"col\" class=\"num\">Quarantined</th></tr></thead>\n<tbody>\n");
    for (var e : totals.entrySet()) {
      long[] t = e.getValue();
      h.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=\"num\">").append(count(t[0]))
          .append("</td><td class=\"num\">").append(count(t[1])).append("</td><td class=\"num\">")
          .append(count(t[2])).append("</td><td class=\"num\">").append(count(t[3])).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void section(StringBuilder h, Section s, List<BundleChart> charts) {
    h.append("<section aria-labelledby=\"").append(s.id()).append("\">\n<h2 id=\"")
        .append(s.id()).append("\">").append(esc(s.heading())).append("</h2>\n<p>")
        .append(esc(s.intro())).append("</p>\n");
    if (charts.isEmpty()) {
      h.append("<p class=\"empty\">No charts in this section for this run.</p>\n");
    }
    if (s == Section.SPC && !charts.isEmpty()) {
      spcList(h, charts);
    } else {
      charts.forEach(c -> figure(h, c));
    }
    h.append("</section>\n");
  }

  /** The chart as SVG (sharp at any size), with links to its numbers and to its PNG when there is one. */
  private static void figure(StringBuilder h, BundleChart c) {
    h.append("<figure>\n<img src=\"").append(esc(c.svg())).append("\" alt=\"")
        .append(esc(c.altText())).append("\" loading=\"lazy\">\n<figcaption><strong>")
        .append(esc(c.title())).append("</strong><br>").append(esc(c.caption()))
        .append(" <a href=\"").append(esc(c.csv()))
        .append("\">Numbers behind this chart (CSV)</a>");
    if (c.png() != null) {
      h.append(" &middot; <a href=\"").append(esc(c.png())).append("\">PNG</a>");
    }
    h.append("</figcaption>\n</figure>\n");
  }

  /**
   * One XmR chart per organisation and measure is too many to show: the first as an example, then a
   * link to every one.
   */
  private static void spcList(StringBuilder h, List<BundleChart> charts) {
    h.append("<p>").append(count(charts.size())).append(" charts, one per organisation and measure; their")
        .append(" numbers are the rows of <a href=\"data/spc.csv\">spc.csv</a> with the chart's organisation")
        .append(" and measure. The first, as an example:</p>\n");
    figure(h, charts.get(0));
    h.append("<details>\n<summary>Every XmR chart (").append(count(charts.size()))
        .append(")</summary>\n<ul class=\"cols\">\n");
    for (BundleChart c : charts) {
      h.append("<li><a href=\"").append(esc(c.svg())).append("\">").append(esc(c.title())).append("</a>");
      if (c.png() != null) {
        h.append(" (<a href=\"").append(esc(c.png())).append("\">PNG</a>)");
      }
      h.append("</li>\n");
    }
    h.append("</ul>\n</details>\n");
  }

  private static String time(RunInfo run) {
    return "<time datetime=\"" + DateTimeFormatter.ISO_INSTANT.format(run.started()) + "\">"
        + shown(run.started()) + "</time>, finished <time"
        + " datetime=\"" + DateTimeFormatter.ISO_INSTANT.format(run.finished()) + "\">"
        + shown(run.finished()) + "</time>";
  }

  /** "2026-11-22 01:21:32 UTC". */
  private static String shown(java.time.Instant t) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC).format(t);
  }

  private static String count(long n) {
    return String.format(Locale.UK, "%,d", n);
  }

  /** Escapes {@code & < > " '} for text and attribute values. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
