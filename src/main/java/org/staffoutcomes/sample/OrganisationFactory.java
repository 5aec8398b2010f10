package org.staffoutcomes.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws the organisations: unique ODS-shaped codes, realistic names, benchmarking groups in
 * national shares, regions, staff headcounts and lifetimes (a few created later or dissolved
 * earlier than the period).
 */
final class OrganisationFactory {

  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** The ten ambulance services, by region. */
  private static final List<Object[]> AMBULANCE_SERVICES = List.of(
      new Object[] {"London Ambulance Service NHS Trust", Region.LONDON},
      new Object[] {"South East Coast Ambulance Service NHS Foundation Trust", Region.SOUTH_EAST},
      new Object[] {"South Central Ambulance Service NHS Foundation Trust", Region.SOUTH_EAST},
      new Object[] {"South Western Ambulance Service NHS Foundation Trust", Region.SOUTH_WEST},
      new Object[] {"West Midlands Ambulance Service University NHS Foundation Trust",
          Region.MIDLANDS},
      new Object[] {"East Midlands Ambulance Service NHS Trust", Region.MIDLANDS},
      new Object[] {"East of England Ambulance Service NHS Trust", Region.EAST_OF_ENGLAND},
      new Object[] {"North West Ambulance Service NHS Trust", Region.NORTH_WEST},
      new Object[] {"Yorkshire Ambulance Service NHS Trust", Region.NORTH_EAST_AND_YORKSHIRE},
      new Object[] {"North East Ambulance Service NHS Foundation Trust",
          Region.NORTH_EAST_AND_YORKSHIRE});

  private static final Map<BenchmarkGroup, List<String>> TEMPLATES = new EnumMap<>(Map.of(
      BenchmarkGroup.ACUTE, List.of(
          "%s Hospitals NHS Foundation Trust", "%s Hospitals NHS Foundation Trust",
          "%s University Hospitals NHS Trust", "%s NHS Foundation Trust",
          "University Hospitals of %s NHS Foundation Trust", "%s and %s Hospitals NHS Trust",
          "%s Teaching Hospitals NHS Foundation Trust", "%s Hospital NHS Trust",
          "%s, %s and %s University Hospitals NHS Trust"),
      BenchmarkGroup.ACUTE_SPECIALIST, List.of(
          "%s Children's Hospital NHS Foundation Trust",
          "%s Heart and Chest Hospital NHS Foundation Trust",
          "%s Orthopaedic Hospital NHS Foundation Trust", "%s Cancer Centre NHS Foundation Trust",
          "%s Women's Hospital NHS Foundation Trust", "%s Eye Hospital NHS Foundation Trust"),
      BenchmarkGroup.MENTAL_HEALTH, List.of(
          "%s Mental Health NHS Trust", "%s Partnership NHS Foundation Trust",
          "%s and %s Mental Health NHS Foundation Trust", "%s Health and Care NHS Foundation Trust",
          "%s Mental Health NHS Foundation Trust", "%s, %s and %s Mental Health NHS Trust"),
      BenchmarkGroup.COMMUNITY, List.of(
          "%s Community Healthcare NHS Trust", "%s Community Health Services NHS Trust",
          "%s and %s Community Health NHS Trust")));

  private OrganisationFactory() {}

  /**
   * The organisations of one run, sorted by code, indexed in that order: {@code
   * options.organisations()} in all, of which {@link MergerPlan#count} are successors created by
   * mergers (drawn from their own random stream).
   */
  static List<Organisation> create(SampleOptions options, Rng rng) {
    Map<BenchmarkGroup, Integer> counts =
        allocate(options.organisations() - MergerPlan.count(options));
    Set<String> codes = new HashSet<>();
    Set<String> names = new HashSet<>();
    List<Organisation> drawn = new ArrayList<>();
    for (BenchmarkGroup group : BenchmarkGroup.values()) {
      for (int k = 0; k < counts.get(group); k++) {
        Region region;
        String name;
        if (group == BenchmarkGroup.AMBULANCE && k < AMBULANCE_SERVICES.size()) {
          name = (String) AMBULANCE_SERVICES.get(k)[0];
          region = (Region) AMBULANCE_SERVICES.get(k)[1];
          names.add(name);
        } else {
          region = Region.draw(rng);
          name = uniqueName(group, region, names, rng);
        }
        boolean socialEnterprise =
            (group == BenchmarkGroup.COMMUNITY || group == BenchmarkGroup.MENTAL_HEALTH)
                && rng.chance(0.05);
        String code = uniqueCode(socialEnterprise ? 'T' : 'R', codes, rng);
        int[] life = lifetime(group, options, rng);
        drawn.add(new Organisation(
            -1, code, name, group, region, headcount(group, rng), life[0], life[1], null));
      }
    }
    Rng mergers = Rng.stream(options.seed(), "mergers");
    merge(drawn, MergerPlan.plan(drawn, options, mergers), options, codes, names, mergers);
    drawn.sort(Comparator.comparing(Organisation::code));
    List<Organisation> indexed = new ArrayList<>(drawn.size());
    for (int i = 0; i < drawn.size(); i++) {
      indexed.add(drawn.get(i).withIndex(i));
    }
    return List.copyOf(indexed);
  }

  /**
   * Adds each merger's successor (a new code and name, the predecessors' group and region, their
   * summed headcount) and ends the predecessors' lives the year before.
   */
  private static void merge(List<Organisation> orgs, List<MergerPlan.Merger> plan,
      SampleOptions options, Set<String> codes, Set<String> names, Rng rng) {
    List<String> successors = new ArrayList<>();
    for (MergerPlan.Merger m : plan) {
      List<String> merging = new ArrayList<>();
      m.predecessors().forEach(o -> merging.add(o.code()));
      if (m.after() >= 0) {
        merging.add(successors.get(m.after()));
      }
      Organisation like = m.predecessors().get(0);
      String code = uniqueCode('R', codes, rng);
      int headcount = 0;
      for (int i = 0; i < orgs.size(); i++) {
        Organisation org = orgs.get(i);
        if (merging.contains(org.code())) {
          headcount += org.headcount();
          orgs.set(i, org.mergedInto(code, m.year()));
        }
      }
      orgs.add(new Organisation(-1, code, uniqueName(like.group(), like.region(), names, rng),
          like.group(), like.region(), headcount, m.year(), options.lastOutcomeYear(), null));
      successors.add(code);
    }
  }

  /** Organisations per group by largest remainder, at least one in each. */
  static Map<BenchmarkGroup, Integer> allocate(int total) {
    Map<BenchmarkGroup, Integer> counts = new EnumMap<>(BenchmarkGroup.class);
    double[] remainder = new double[BenchmarkGroup.values().length];
    int assigned = 0;
    for (BenchmarkGroup g : BenchmarkGroup.values()) {
      double exact = g.share() * total;
      int n = Math.max(1, (int) Math.floor(exact));
      counts.put(g, n);
      remainder[g.ordinal()] = exact - n;
      assigned += n;
    }
    while (assigned < total) {
      BenchmarkGroup best = BenchmarkGroup.ACUTE;
      for (BenchmarkGroup g : BenchmarkGroup.values()) {
        if (remainder[g.ordinal()] > remainder[best.ordinal()]) {
          best = g;
        }
      }
      counts.put(best, counts.get(best) + 1);
      remainder[best.ordinal()] -= 1;
      assigned++;
    }
    while (assigned > total) {
      counts.put(BenchmarkGroup.ACUTE, counts.get(BenchmarkGroup.ACUTE) - 1);
      assigned--;
    }
    return counts;
  }

  private static String uniqueName(
      BenchmarkGroup group, Region region, Set<String> used, Rng rng) {
    List<String> templates = group == BenchmarkGroup.AMBULANCE
        ? List.of("%s Ambulance Service NHS Trust")
        : TEMPLATES.get(group);
    for (int attempt = 0; attempt < 10_000; attempt++) {
      // Comma templates (the last of a list) come up rarely: most draws skip them.
      String template = rng.pick(templates);
      if (template.contains(", ") && rng.chance(0.5)) {
        template = templates.get(0);
      }
      int slots = template.split("%s", -1).length - 1;
      Object[] places = new Object[slots];
      for (int s = 0; s < slots; s++) {
        places[s] = rng.pick(region.places());
      }
      if (slots > 1 && distinct(places) < slots) {
        continue;
      }
      String name = String.format(java.util.Locale.ROOT, template, places);
      if (used.add(name)) {
        return name;
      }
    }
    throw new IllegalStateException("cannot name another " + group + " trust in " + region);
  }

  private static int distinct(Object[] values) {
    return (int) java.util.Arrays.stream(values).distinct().count();
  }

  /** 'R' + two letters or digits, not both digits; or (social enterprises) 'T' + two letters. */
  private static String uniqueCode(char prefix, Set<String> used, Rng rng) {
    while (true) {
      String code;
      if (prefix == 'T') {
        code = "T" + LETTERS.charAt(rng.intBetween(0, 7))
            + LETTERS.charAt(rng.intBetween(0, LETTERS.length() - 1));
      } else {
        code = "R" + ALNUM.charAt(rng.intBetween(0, ALNUM.length() - 1))
            + ALNUM.charAt(rng.intBetween(0, ALNUM.length() - 1));
        if (Character.isDigit(code.charAt(1)) && Character.isDigit(code.charAt(2))) {
          continue; // real codes have a letter after the R or at the end (R1H, RA7, RXQ)
        }
      }
      if (used.add(code)) {
        return code;
      }
    }
  }

  /** Staff headcount, log-normal by group. */
  private static int headcount(BenchmarkGroup group, Rng rng) {
    double median;
    double sigma;
    int min;
    int max;
    switch (group) {
      case ACUTE -> { median = 6000; sigma = 0.45; min = 2500; max = 20000; }
      case ACUTE_SPECIALIST -> { median = 2600; sigma = 0.40; min = 900; max = 9000; }
      case MENTAL_HEALTH -> { median = 3500; sigma = 0.40; min = 1200; max = 9000; }
      case COMMUNITY -> { median = 2500; sigma = 0.40; min = 900; max = 7000; }
      default -> { median = 4500; sigma = 0.25; min = 2500; max = 8000; }
    }
    double h = median * Math.exp(sigma * rng.gaussian());
    return (int) Math.round(Math.max(min, Math.min(max, h)));
  }

  /**
   * {start, end}: most organisations exist throughout (and a year either side); about 4% are
   * created during the period and 6% dissolved during it (never ambulance services).
   */
  private static int[] lifetime(BenchmarkGroup group, SampleOptions options, Rng rng) {
    int start = options.firstYear() - 1;
    int end = options.lastOutcomeYear();
    double u = rng.uniform();
    if (options.surveyYears() >= 6 && group != BenchmarkGroup.AMBULANCE) {
      if (u < 0.04) {
        start = rng.intBetween(options.firstYear() + 2, options.lastYear() - 2);
      } else if (u < 0.10) {
        end = rng.intBetween(options.firstYear() + 1, options.lastYear() - 2);
      }
    }
    return new int[] {start, end};
  }
}
