package org.staffoutcomes.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample's mergers as a panel that restates predecessors under their successor sees them:
 * each organisation's final successor (following chains), and each final organisation's
 * members, the organisations whose rows count under its code. The planted correlations are
 * fitted on these restated trust-years, because the pipeline computes them on those.
 */
final class Successions {

  /**
   * One merger.
   *
   * @param predecessors the merging organisations, in code order
   * @param successor the new organisation
   * @param year the successor exists from 1 April of this year
   */
  record Merger(List<Organisation> predecessors, Organisation successor, int year) {}

  private final List<Organisation> units;
  private final Map<Integer, List<Organisation>> members;
  private final List<Merger> mergers;

  private Successions(List<Organisation> units, Map<Integer, List<Organisation>> members,
      List<Merger> mergers) {
    this.units = units;
    this.members = members;
    this.mergers = mergers;
  }

  /** @param orgs every organisation, indexed */
  static Successions of(List<Organisation> orgs) {
    Map<String, Organisation> byCode = new HashMap<>();
    orgs.forEach(o -> byCode.put(o.code(), o));
    Map<Integer, List<Organisation>> members = new HashMap<>();
    List<Organisation> units = new ArrayList<>();
    Map<String, List<Organisation>> predecessors = new HashMap<>();
    for (Organisation org : orgs) {
      Organisation last = org;
      while (last.successor() != null) {
        last = byCode.get(last.successor());
      }
      members.computeIfAbsent(last.index(), k -> new ArrayList<>()).add(org);
      if (org.successor() == null) {
        units.add(org);
      } else {
        predecessors.computeIfAbsent(org.successor(), k -> new ArrayList<>()).add(org);
      }
    }
    List<Merger> mergers = new ArrayList<>();
    predecessors.forEach((code, olds) -> {
      Organisation successor = byCode.get(code);
      mergers.add(new Merger(List.copyOf(olds), successor, successor.startYear()));
    });
    mergers.sort(Comparator.comparingInt(Merger::year)
        .thenComparing(m -> m.successor().code()));
    return new Successions(List.copyOf(units), members, List.copyOf(mergers));
  }

  /** The mergers by year (a chain's earlier merger first), then successor code. */
  List<Merger> mergers() {
    return mergers;
  }

  /** The organisations that are nobody's predecessor, in index order: the panel's series. */
  List<Organisation> units() {
    return units;
  }

  /**
   * The organisations whose rows count under {@code unit} (itself, its predecessors and theirs),
   * in index order: the order of their rows in every file.
   */
  List<Organisation> members(Organisation unit) {
    return members.get(unit.index());
  }
}
