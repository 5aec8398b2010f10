package org.staffoutcomes.publish;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.staffoutcomes.ingest.DatasetReport;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.YearRange;

/**
 * The checks that decide whether a run's bundle may become {@code bundles/latest}, declared in the
 * catalog ({@code years}) and the descriptors ({@code publish_checks}), plus the quarantine
 * threshold of the command line. Each check is a pure function of what the lake holds now, what
 * the published bundle recorded and the ingest reports; nothing here reads a file (see {@link
 * Source}).
 */
public final class PublishChecks {

  /** At most this many input files are named for a year outside the range. */
  private static final int FILES_NAMED = 3;

  private PublishChecks() {}

  /** What the checks read: the lake's rows now, and the ingest reports. */
  public interface Source {
    /** The rows {@code d} kept, in total and per year. */
    DatasetRows rows(DatasetDescriptor d);

    /** The input files behind {@code d}'s rows of {@code year}, at most {@code limit}. */
    SortedSet<String> files(DatasetDescriptor d, int year, int limit);

    /** The last ingest report of {@code d}, if it was ingested. */
    Optional<DatasetReport> report(DatasetDescriptor d);
  }

  /**
   * Runs every check.
   *
   * @param published the rows the published bundle recorded per dataset, and its run id; empty
   *     when nothing is published or the published bundle recorded no rows
   * @param maxQuarantinedPercent the quarantine threshold, or null for no quarantine check
   */
  public static Verdict evaluate(Catalog catalog, Source source, Optional<Published> published,
      Double maxQuarantinedPercent, boolean publishAnyway) {
    List<DatasetRows> rows = new ArrayList<>();
    List<FailedCheck> failed = new ArrayList<>();
    for (DatasetDescriptor d : catalog.datasets()) {
      DatasetRows now = source.rows(d);
      rows.add(now);
      notEmpty(d, now, source).ifPresent(failed::add);
      published.flatMap(p -> keepYears(d, now, p)).ifPresent(failed::add);
      yearRange(catalog.years(), d, now, source).ifPresent(failed::add);
      if (maxQuarantinedPercent != null) {
        source.report(d).flatMap(r -> quarantine(r, maxQuarantinedPercent)).ifPresent(failed::add);
      }
    }
    failed.sort(Comparator.comparing(FailedCheck::check)); // stable: catalog order within a check
    return new Verdict(failed, publishAnyway, rows, published.map(Published::bundle).orElse(null));
  }

  /** What the published bundle recorded: its run id and the rows of each dataset. */
  public record Published(String bundle, List<DatasetRows> rows) {

    public Published {
      rows = List.copyOf(rows);
    }

    Optional<DatasetRows> of(String dataset) {
      return rows.stream().filter(r -> r.dataset().equals(dataset)).findFirst();
    }
  }

  static Optional<FailedCheck> notEmpty(DatasetDescriptor d, DatasetRows now, Source source) {
    if (now.rows() > 0 || !d.publishChecks().notEmpty(d.role())) {
      return Optional.empty();
    }
    String files = source.report(d).map(r -> r.files().isEmpty() ? "no input file"
        : r.files().stream().map(f -> String.format(Locale.UK, "%s: %,d rows read, %,d quarantined", f.path(),
            f.rowsRead(), f.rowsQuarantined())).collect(Collectors.joining("; "))).orElse("not ingested");
    return Optional.of(new FailedCheck(PublishCheck.NOT_EMPTY, d.name(), d.name() + " kept no rows (" + files
        + "), and a run needs its rows (publish_checks.not_empty" + origin(d) + ")"));
  }

  static Optional<FailedCheck> keepYears(DatasetDescriptor d, DatasetRows now, Published published) {
    Optional<DatasetRows> before = published.of(d.name());
    if (!d.publishChecks().keepYears() || before.isEmpty() || before.get().rows() == 0) {
      return Optional.empty();
    }
    String hint = " (are its files still matched by '" + d.files() + "'? publish_checks.keep_years" + origin(d) + ")";
    if (now.rows() == 0) {
      return Optional.of(new FailedCheck(PublishCheck.KEEP_YEARS, d.name(), String.format(Locale.UK,
          "%s had %s in the published bundle %s and has none now%s", d.name(), rows(before.get().rows()),
          published.bundle(), hint)));
    }
    List<String> gone = before.get().years().entrySet().stream()
        .filter(e -> e.getValue() > 0 && now.years().getOrDefault(e.getKey(), 0L) == 0)
        .map(e -> e.getKey() + " (" + rows(e.getValue()) + ")").toList();
    if (gone.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new FailedCheck(PublishCheck.KEEP_YEARS, d.name(), String.format(Locale.UK,
        "%s: %s %s had rows in the published bundle %s and %s none now%s", d.name(),
        gone.size() == 1 ? "year" : "years", String.join(", ", gone), published.bundle(),
        gone.size() == 1 ? "has" : "have", hint)));
  }

  static Optional<FailedCheck> yearRange(YearRange range, DatasetDescriptor d, DatasetRows now, Source source) {
    if (range == null) {
      return Optional.empty();
    }
    List<String> outside = new ArrayList<>();
    for (Map.Entry<Integer, Long> e : now.years().entrySet()) {
      if (!range.contains(e.getKey())) {
        SortedSet<String> files = source.files(d, e.getKey(), FILES_NAMED + 1);
        String named = files.stream().limit(FILES_NAMED).collect(Collectors.joining(", "))
            + (files.size() > FILES_NAMED ? ", ..." : "");
        outside.add(e.getKey() + " (" + rows(e.getValue()) + (named.isEmpty() ? "" : ", from " + named) + ")");
      }
    }
    if (outside.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new FailedCheck(PublishCheck.YEAR_RANGE, d.name(), d.name() + " has rows for "
        + String.join(", ", outside) + ", outside the catalog's years " + range.describe()
        + " (the year a row's period starts; catalog key years)"));
  }

  /** A dataset that quarantined more than {@code maxPercent} of the rows it read. */
  public static Optional<FailedCheck> quarantine(DatasetReport r, double maxPercent) {
    double pct = r.rowsRead() == 0 ? 0 : 100.0 * r.rowsQuarantined() / r.rowsRead();
    if (pct <= maxPercent) {
      return Optional.empty();
    }
    String limit = BigDecimal.valueOf(maxPercent).stripTrailingZeros().toPlainString();
    return Optional.of(new FailedCheck(PublishCheck.QUARANTINE, r.dataset(), String.format(Locale.UK,
        "%s quarantined %s%% of its rows (%,d of %,d), more than the %s%% --max-quarantined-percent allows: see "
            + "lake/quarantine/%s (data/quarantine.csv in the bundle)", r.dataset(), percent(pct, limit), r.rowsQuarantined(), r.rowsRead(), limit, r.dataset())));
  }

  /**
   * A share in as few significant digits as show it apart from the limit: 0.043 against a limit of
   * 0, 5.04 against 5 (never "0.0% ... more than 0.0%").
   */
  static String percent(double pct, String limit) {
    String shown = limit;
    for (int digits = 2; digits <= 12 && shown.equals(limit); digits++) {
      shown = new BigDecimal(pct).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
    return shown;
  }

  /** "1 row", "2,300 rows". */
  private static String rows(long n) {
    return String.format(Locale.UK, "%,d row%s", n, n == 1 ? "" : "s");
  }

  private static String origin(DatasetDescriptor d) {
    return d.origin() == null ? "" : ", " + d.origin();
  }
}
