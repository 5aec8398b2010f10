package org.staffoutcomes.panel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * An organisation-year's attributes ({@link PanelColumns#ATTRIBUTES}) come, in this order of
 * preference, from the staff survey rows of that year (each staff dataset in catalog order), from
 * the organisations reference, from the organisation's latest staff survey row of any year with
 * the attribute (a merged trust's restated years), and from the catalog's defaults (the name: the
 * code). Rows are offered one at a time; a missing value never hides a present one.
 */
final class Attributes {

  private static final int N = PanelColumns.ATTRIBUTES.length;

  private final Catalog catalog;
  private final List<Staff> staff = new ArrayList<>();
  private final Map<String, String[]> reference = new HashMap<>();
  private final boolean[] referenceHas = new boolean[N];

  Attributes(Catalog catalog) {
    this.catalog = catalog;
  }

  /** One staff dataset's attributes: per organisation-year the first present, per organisation the latest. */
  final class Staff {
    private final boolean[] has = new boolean[N];
    private final Map<OrgYear, String[]> perYear = new HashMap<>();
    private final Map<String, String[]> latest = new HashMap<>();
    private final Map<String, int[]> latestYear = new HashMap<>();

    private Staff(DatasetDescriptor d) {
      for (int i = 0; i < N; i++) {
        has[i] = d.column(PanelColumns.ATTRIBUTES[i]).isPresent();
      }
    }

    /** Offers a row counted towards {@code year}. */
    void add(SourceRow row, int year) {
      if (row.org() == null) {
        return;
      }
      String[] first = perYear.computeIfAbsent(new OrgYear(row.org(), year), k -> new String[N]);
      String[] last = latest.computeIfAbsent(row.org(), k -> new String[N]);
      int[] lastYear = latestYear.computeIfAbsent(row.org(), k -> new int[N]);
      for (int i = 0; i < N; i++) {
        String v = has[i] ? text(row.value(PanelColumns.ATTRIBUTES[i])) : null;
        if (v == null) {
          continue;
        }
        if (first[i] == null) {
          first[i] = v;
        }
        if (last[i] == null || year > lastYear[i]) {
          last[i] = v;
          lastYear[i] = year;
        }
      }
    }
  }

  /** The attributes of a staff dataset, or null when it has none of them. */
  Staff staff(DatasetDescriptor d) {
    Staff s = new Staff(d);
    for (boolean h : s.has) {
      if (h) {
        staff.add(s);
        return s;
      }
    }
    return null;
  }

  /** Which attributes the organisations reference has; its rows are then offered to {@link #reference(SourceRow)}. */
  void referenceColumns(DatasetDescriptor d) {
    for (int i = 0; i < N; i++) {
      referenceHas[i] = d.column(PanelColumns.ATTRIBUTES[i]).isPresent();
    }
  }

  /** Offers a row of the organisations reference: the first row of each code counts. */
  void reference(SourceRow row) {
    if (row.org() == null || reference.containsKey(row.org())) {
      return;
    }
    String[] values = new String[N];
    for (int i = 0; i < N; i++) {
      values[i] = referenceHas[i] ? text(row.value(PanelColumns.ATTRIBUTES[i])) : null;
    }
    reference.put(row.org(), values);
  }

  /** The organisation-year's attributes, in {@link PanelColumns#ATTRIBUTES} order. */
  String[] of(OrgYear key) {
    String[] out = new String[N];
    for (int i = 0; i < N; i++) {
      out[i] = resolve(key, i);
    }
    return out;
  }

  private String resolve(OrgYear key, int i) {
    if (key.org() != null) {
      for (Staff s : staff) {
        String[] v = s.perYear.get(key);
        if (s.has[i] && v != null && v[i] != null) {
          return v[i];
        }
      }
      String[] ref = reference.get(key.org());
      if (referenceHas[i] && ref != null && ref[i] != null) {
        return ref[i];
      }
      for (Staff s : staff) {
        String[] v = s.latest.get(key.org());
        if (s.has[i] && v != null && v[i] != null) {
          return v[i];
        }
      }
    }
    String a = PanelColumns.ATTRIBUTES[i];
    return a.equals(PanelColumns.ORG_NAME) ? key.org() : catalog.defaultAttribute(a);
  }

  private static String text(Object v) {
    return v == null ? null : v.toString();
  }
}
