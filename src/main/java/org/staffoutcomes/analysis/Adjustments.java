package org.staffoutcomes.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.schema.AnalysisSpec;
import org.staffoutcomes.schema.DescriptorException;

/**
 * The weights and covariates a catalog names ({@link AnalysisSpec}), resolved against the panel
 * for one staff measure: which panel columns they are, and their values for chosen rows.
 */
final class Adjustments {

  private final PanelTable panel;
  private final AnalysisSpec spec;

  Adjustments(PanelTable panel, AnalysisSpec spec) {
    this.panel = panel;
    this.spec = spec;
    require("weights", spec.weights().stream().filter(w -> !w.equals(AnalysisSpec.BASE)).toList());
    require("covariates", spec.covariates().stream()
        .filter(c -> !c.equals(AnalysisSpec.TRUST_TYPE) && !c.equals(AnalysisSpec.LOG_BASE)).toList());
  }

  /** Every named panel column exists, or the catalog is wrong: say which and what there is. */
  private void require(String setting, List<String> columns) {
    for (String c : columns) {
      if (!panel.has(c)) {
        throw new DescriptorException("catalog analysis." + setting + " names '" + c + "', which is not a panel"
            + " column (use " + (setting.equals("weights") ? "'base', 'none'" : "'trust_type', 'log_base'")
            + " or a numeric column of the panel; the panel's columns are listed in notebooks-docs/data-dictionary.md)");
      }
    }
  }

  /** The panel columns whose product weighs the staff measure's rows (empty: unweighted). */
  List<String> weightColumns(String staffMeasure) {
    return spec.weights().stream().map(w -> w.equals(AnalysisSpec.BASE) ? PanelColumns.base(staffMeasure) : w)
        .toList();
  }

  /** How the weights are described in a row's {@code weights} or {@code note}: "none" or "a x b". */
  String describeWeights(String staffMeasure) {
    List<String> w = weightColumns(staffMeasure);
    return w.isEmpty() ? AnalysisSpec.NONE : String.join(" x ", w);
  }

  /** Each row's weight (1 when unweighted; NaN when a weight column is missing or absent). */
  double[] weights(String staffMeasure) {
    double[] out = new double[panel.size()];
    java.util.Arrays.fill(out, 1);
    for (String c : weightColumns(staffMeasure)) {
      double[] v = panel.has(c) ? panel.numbers(c) : null;
      for (int i = 0; i < out.length; i++) {
        out[i] *= v == null ? Double.NaN : v[i];
      }
    }
    return out;
  }

  /** The covariates' description for a note, e.g. "trust type, log(engagement_n)". */
  String describeCovariates(String staffMeasure) {
    return String.join(", ", spec.covariates().stream().map(c -> switch (c) {
      case AnalysisSpec.TRUST_TYPE -> "trust type";
      case AnalysisSpec.LOG_BASE -> "log(" + PanelColumns.base(staffMeasure) + ")";
      default -> c;
    }).toList());
  }

  /**
   * The covariate columns for the given rows: one dummy per trust type present but the first
   * (none within one trust type), log of the base n, or a numeric panel column. Null when a
   * needed value is missing in any of the rows (the caller keeps only complete rows).
   */
  double[][] covariates(String staffMeasure, int[] rows) {
    List<double[]> out = new ArrayList<>();
    for (String c : spec.covariates()) {
      if (c.equals(AnalysisSpec.TRUST_TYPE)) {
        TreeSet<String> types = new TreeSet<>();
        Arrays.stream(rows).forEach(i -> types.add(String.valueOf(panel.text(PanelColumns.TRUST_TYPE, i))));
        for (String t : types.tailSet(types.isEmpty() ? "" : types.first(), false)) {
          out.add(Arrays.stream(rows).mapToDouble(i -> t.equals(String.valueOf(panel.text(PanelColumns.TRUST_TYPE, i))) ? 1 : 0)
              .toArray());
        }
      } else {
        String column = c.equals(AnalysisSpec.LOG_BASE) ? PanelColumns.base(staffMeasure) : c;
        double[] v = panel.has(column) ? panel.numbers(column) : null;
        out.add(Arrays.stream(rows).mapToDouble(i -> v == null ? Double.NaN
            : c.equals(AnalysisSpec.LOG_BASE) ? Math.log(v[i]) : v[i]).toArray());
      }
    }
    return out.toArray(double[][]::new);
  }

  /** True when every covariate value is finite. */
  static boolean complete(double[][] covariates) {
    for (double[] c : covariates) {
      for (double v : c) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }
}
