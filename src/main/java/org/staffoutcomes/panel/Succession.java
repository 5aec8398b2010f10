package org.staffoutcomes.panel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.staffoutcomes.schema.Catalog;

/**
 * Organisation successions as published (old code -> new code): each code's final successor
 * (following chains, A -> B -> C, and stopping at a cycle), and the sentence every affected panel
 * row carries. Pure functions; no Spark.
 */
public final class Succession {

  /** The successors dataset's column that dates a succession (optional). */
  public static final String EFFECTIVE_DATE = "effective_date";


  private Succession() {}

  private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("^\\s*(\\d{4})");

  /**
   * A catalog's successions as read from its successors dataset.
   *
   * @param successorOf old code -> new code
   * @param formedIn new code -> the calendar year it took over (the latest, when it took over in
   *     steps), for successions whose effective date is known
   */
  public record Table(Map<String, String> successorOf, Map<String, Integer> formedIn) {

    public static final Table NONE = new Table(Map.of(), Map.of());

    public Table {
      successorOf = Map.copyOf(successorOf);
      formedIn = Map.copyOf(formedIn);
    }
  }

  /**
   * The calendar year an effective date starts with ({@code 20200401}, {@code 2020-04-01}); -1
   * when it has none. A merger on 1 April Y takes effect for survey year Y.
   */
  public static int effectiveYear(String effectiveDate) {
    java.util.regex.Matcher m = YEAR.matcher(effectiveDate == null ? "" : effectiveDate);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** old -> final successor, for every old code. */
  public static Map<String, String> finalSuccessors(Map<String, String> successorOf) {
    Map<String, String> out = new TreeMap<>();
    for (String old : successorOf.keySet()) {
      Set<String> seen = new HashSet<>();
      String code = old;
      while (successorOf.containsKey(code) && seen.add(code)) {
        code = successorOf.get(code);
      }
      out.put(old, code);
    }
    return out;
  }

  /** The {@code succession} text per organisation code that has one (others: none). */
  public static Map<String, String> lineage(Map<String, String> successorOf, Catalog.Succession mode) {
    Map<String, Set<String>> predecessors = new TreeMap<>();
    Map<String, String> finals = finalSuccessors(successorOf);
    Map<String, Set<String>> target = new TreeMap<>();
    successorOf.forEach((old, next) -> predecessors.computeIfAbsent(next, k -> new TreeSet<>()).add(old));
    finals.forEach((old, last) -> target.computeIfAbsent(last, k -> new TreeSet<>()).add(old));
    Map<String, String> out = new LinkedHashMap<>();
    if (mode == Catalog.Succession.RESTATE) {
      target.forEach((code, olds) -> out.put(code, "restated: includes predecessors " + String.join(", ", olds)));
      return out;
    }
    Set<String> codes = new TreeSet<>(successorOf.keySet());
    codes.addAll(predecessors.keySet());
    for (String code : codes) {
      List<String> parts = new ArrayList<>();
      if (predecessors.containsKey(code)) {
        parts.add("series starts: successor of " + String.join(", ", predecessors.get(code)));
      }
      if (successorOf.containsKey(code)) {
        parts.add("series ends: succeeded by " + successorOf.get(code));
      }
      out.put(code, String.join("; ", parts));
    }
    return out;
  }
}
