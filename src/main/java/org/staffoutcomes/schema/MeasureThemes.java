package org.staffoutcomes.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog's staff measures grouped by theme of the staff survey, as the question catalogue
 * defines them: a theme is a top-level score (one that is no other score's part: staff engagement,
 * morale, each People Promise element) with its sub-scores and items; top-level scores that name
 * the same {@code theme} in the catalogue (the speaking-up culture measures) share one. A measure belongs to the
 * theme whose score or item its value column holds (or whose score it is named after: the
 * published results' {@code engagement} is the catalogue's engagement). Themes come in the
 * catalogue's order, measures in the catalog's; measures the catalogue does not define come last,
 * under {@value #OTHER}.
 */
public final class MeasureThemes {

  /** The group of staff measures the question catalogue does not define. */
  public static final String OTHER = "Other staff measures";

  /** One theme and its measures, in the catalog's order. */
  public record Theme(String label, List<MeasureInfo> measures) {
    public Theme {
      measures = List.copyOf(measures);
    }
  }

  private MeasureThemes() {}

  /** The catalog's staff measures by theme; one group, {@value #OTHER}, when no dataset is a survey. */
  public static List<Theme> of(Catalog catalog) {
    Map<String, String> themeOfColumn = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (DatasetDescriptor d : catalog.datasets()) {
      if (d.survey() != null && d.survey().catalogue() != null) {
        themes(d.survey().catalogue(), themeOfColumn, order);
      }
    }
    Map<String, String> valueColumn = new HashMap<>();
    for (DatasetDescriptor d : catalog.withRole(Role.STAFF)) {
      for (MeasureSpec m : d.measures()) {
        if (m.value() != null) {
          valueColumn.putIfAbsent(m.name(), m.value());
        }
      }
    }
    Map<String, List<MeasureInfo>> grouped = new LinkedHashMap<>();
    order.forEach(label -> grouped.put(label, new ArrayList<>()));
    grouped.put(OTHER, new ArrayList<>());
    for (MeasureInfo m : catalog.staffMeasures()) {
      String theme = Optional.ofNullable(valueColumn.get(m.name())).map(themeOfColumn::get)
          .orElse(themeOfColumn.getOrDefault(m.name(), OTHER));
      grouped.get(theme).add(m);
    }
    List<Theme> out = new ArrayList<>();
    grouped.forEach((label, measures) -> {
      if (!measures.isEmpty()) {
        out.add(new Theme(label, measures));
      }
    });
    return out;
  }

  /**
   * Adds each score's and item's lake column with the label of its theme (the first top-level score
   * holding it, in file order), and each theme's label to {@code order} once.
   */
  static void themes(QuestionCatalogue q, Map<String, String> themeOfColumn, List<String> order) {
    java.util.Set<String> parts = new java.util.HashSet<>();
    q.scores().forEach(s -> parts.addAll(s.parts()));
    for (QuestionCatalogue.Score root : q.scores()) {
      if (parts.contains(root.id())) {
        continue;
      }
      if (!order.contains(root.themeLabel())) {
        order.add(root.themeLabel());
      }
      mark(q, root, root.themeLabel(), themeOfColumn);
    }
  }

  private static void mark(QuestionCatalogue q, QuestionCatalogue.Score score, String theme,
      Map<String, String> themeOfColumn) {
    themeOfColumn.putIfAbsent(score.column(), theme);
    score.items().forEach(item -> themeOfColumn.putIfAbsent(QuestionCatalogue.column(item), theme));
    for (String part : score.parts()) {
      q.score(part).ifPresent(p -> mark(q, p, theme, themeOfColumn));
    }
  }
}
