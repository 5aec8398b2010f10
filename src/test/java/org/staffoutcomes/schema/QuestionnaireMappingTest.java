package org.staffoutcomes.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The question catalogue's content ({@code data-schemas/questions/}) against the evidence. It
 * reads the YAML as plain maps (not through the catalogue loader) and, for 2021-2025, the text of
 * that year's core questionnaire (outside the repository, in
 * {@code ../shared/real-data/questionnaires/}; skipped when absent): every mapped code is a
 * question / sub-item printed that year, its wording shares the item's key words better than any
 * other sub-item of the question, its scale's labels are printed with the question, and its
 * "don't know" / "not applicable" codes are exactly the extra codes printed for it.
 */
class QuestionnaireMappingTest {

  static final Path REAL_DATA = Path.of(System.getProperty("staffoutcomes.realData", "../shared/real-data"));
  static final Path QUESTIONNAIRES = REAL_DATA.resolve("questionnaires");
  static final Path CATALOGUE = Path.of("data-schemas/questions");

  /**
   * Share of an item's key words that its sub-item's wording (with its question's stem) must
   * contain: all of them in 2021-2025, while the best wrong sub-item has 3 of 4.
   */
  static final double MIN_SHARED = 0.8;

  static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  // ---------------------------------------------------------------- catalogue only (no real data)

  @Test
  void everyYearMapsOrExcusesEveryItemExactlyOnceWithUniqueCodes() throws IOException {
    Set<String> canonical = itemTexts().keySet();
    List<Path> years = yearFiles();
    assertTrue(years.size() >= 7, "year files: " + years);
    List<String> problems = new ArrayList<>();
    for (Path file : years) {
      Map<String, Object> year = read(file);
      String name = file.getFileName().toString();
      assertEquals(name, year.get("year") + ".yaml", "year field of " + name);
      Map<String, Object> items = map(year.get("items"));
      Map<String, Object> absent = year.get("absent") == null ? Map.of() : map(year.get("absent"));
      Map<String, Object> scales = map(year.get("scales"));
      for (String id : items.keySet()) {
        if (!canonical.contains(id)) {
          problems.add(name + ": unknown item " + id);
        }
        if (absent.containsKey(id)) {
          problems.add(name + ": " + id + " is both mapped and absent");
        }
      }
      for (Map.Entry<String, Object> a : absent.entrySet()) {
        if (!canonical.contains(a.getKey())) {
          problems.add(name + ": unknown absent item " + a.getKey());
        }
        if (!(a.getValue() instanceof String reason) || reason.isBlank()) {
          problems.add(name + ": absent " + a.getKey() + " has no reason");
        }
      }
      for (String id : canonical) {
        if (!items.containsKey(id) && !absent.containsKey(id)) {
          problems.add(name + ": " + id + " is neither mapped nor absent");
        }
      }
      Map<String, String> codeOwner = new HashMap<>();
      for (Map.Entry<String, Object> e : items.entrySet()) {
        Map<String, Object> m = map(e.getValue());
        String code = String.valueOf(m.get("code"));
        String before = codeOwner.put(code, e.getKey());
        if (before != null) {
          problems.add(name + ": code " + code + " is used by " + before + " and " + e.getKey());
        }
        if (!code.matches("q\\d+[a-z]?")) {
          problems.add(name + ": " + e.getKey() + " has code " + code + ", not like q25c");
        }
        Object scale = m.get("scale");
        if (!scales.containsKey(String.valueOf(scale))) {
          problems.add(name + ": " + e.getKey() + " uses undeclared scale " + scale);
        }
      }
      for (Map.Entry<String, Object> s : scales.entrySet()) {
        Map<String, Object> scale = map(s.getValue());
        int labels = list(scale.get("labels")).size();
        if ((labels != 5 && labels != 2) || list(scale.get("codes")).size() != labels) {
          problems.add(name + ": scale " + s.getKey() + " needs 5 labels and 5 codes (or 2 and 2 for yes / no)");
        }
      }
      if (!(year.get("source") instanceof String source) || source.isBlank()) {
        problems.add(name + ": no source");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void scoresReferToCatalogueItemsAndPartsAndColumnNamesStayDistinct() throws IOException {
    Map<String, Object> catalogue = read(CATALOGUE.resolve("items.yaml"));
    Set<String> items = itemTexts().keySet();
    List<String> problems = new ArrayList<>();
    Set<String> scores = new LinkedHashSet<>();
    for (Object o : list(catalogue.get("scores"))) {
      scores.add(String.valueOf(map(o).get("id")));
    }
    Set<String> used = new HashSet<>();
    for (Object o : list(catalogue.get("scores"))) {
      Map<String, Object> score = map(o);
      boolean hasItems = score.containsKey("items");
      boolean hasParts = score.containsKey("parts");
      if (hasItems == hasParts) {
        problems.add(score.get("id") + ": needs items or parts (one of them)");
      }
      for (Object i : hasItems ? list(score.get("items")) : List.of()) {
        used.add(String.valueOf(i));
        if (!items.contains(String.valueOf(i))) {
          problems.add(score.get("id") + ": unknown item " + i);
        }
      }
      for (Object p : hasParts ? list(score.get("parts")) : List.of()) {
        if (!scores.contains(String.valueOf(p))) {
          problems.add(score.get("id") + ": unknown part " + p);
        }
      }
    }
    for (String i : items) {
      if (!used.contains(i)) {
        problems.add(i + " is in no score");
      }
    }
    Set<String> columns = new HashSet<>();
    for (String id : Stream.concat(items.stream(), scores.stream()).toList()) {
      if (!columns.add(id.replace('.', '_'))) {
        problems.add(id + ": column name " + id.replace('.', '_') + " is taken");
      }
    }
    // 5-point items; yes/no items (2 options) only in percent scores, where no mean is formed
    Set<String> inMeanScores = new HashSet<>();
    for (Object o : list(catalogue.get("scores"))) {
      Map<String, Object> score = map(o);
      if (!"percent".equals(score.get("kind")) && score.containsKey("items")) {
        list(score.get("items")).forEach(i -> inMeanScores.add(String.valueOf(i)));
      }
    }
    for (Object o : list(catalogue.get("items"))) {
      Object options = map(o).get("options");
      if (!Integer.valueOf(5).equals(options) && !Integer.valueOf(2).equals(options)) {
        problems.add(map(o).get("id") + ": only 5-option and yes/no (2-option) items belong in the catalogue");
      }
      if (Integer.valueOf(2).equals(options) && inMeanScores.contains(String.valueOf(map(o).get("id")))) {
        problems.add(map(o).get("id") + ": a yes/no item belongs in percent scores only");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  // ---------------------------------------------------------------- against the questionnaires

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {2021, 2022, 2023, 2024, 2025})
  void mappedCodesArePrintedInThatYearsQuestionnaireWithTheItemsWording(int yearNumber) throws IOException {
    Path text = QUESTIONNAIRES.resolve("nhs-staff-survey-" + yearNumber + "-questionnaire.txt");
    assumeTrue(Files.isRegularFile(text), "skipped: questionnaire not found at " + text.toAbsolutePath()
        + " (it lives outside the repository, in ../shared/real-data/questionnaires/)");
    Map<String, Object> year = read(CATALOGUE.resolve("years/" + yearNumber + ".yaml"));
    assertTrue(String.valueOf(year.get("source")).contains(text.getFileName().toString()),
        yearNumber + ": source should name " + text.getFileName());
    Questionnaire questionnaire = Questionnaire.parse(Files.readAllLines(text, StandardCharsets.UTF_8));
    List<String> problems = checkYear(yearNumber, year, questionnaire);
    assertTrue(problems.isEmpty(), problems.size() + " problem(s):\n" + String.join("\n", problems));
  }

  /** Every mapped item of one year against that year's questionnaire; the list of what is wrong. */
  static List<String> checkYear(int yearNumber, Map<String, Object> year, Questionnaire questionnaire)
      throws IOException {
    Map<String, String> texts = itemTexts();
    Map<String, Object> scales = map(year.get("scales"));
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Object> e : map(year.get("items")).entrySet()) {
      String id = e.getKey();
      Map<String, Object> m = map(e.getValue());
      String code = String.valueOf(m.get("code"));
      String where = yearNumber + " " + id + " (" + code + ")";
      Matcher c = Pattern.compile("q(\\d+)([a-z])?").matcher(code);
      if (!c.matches()) {
        problems.add(where + ": code not like q25c");
        continue;
      }
      Question q = questionnaire.questions.get(Integer.parseInt(c.group(1)));
      if (q == null) {
        problems.add(where + ": no question " + c.group(1) + " in the questionnaire");
        continue;
      }
      String raw;
      Map<String, String> siblings = new LinkedHashMap<>();
      if (c.group(2) == null) {
        if (!q.subItems.isEmpty()) {
          problems.add(where + ": question " + c.group(1) + " has sub-items " + q.subItems.keySet()
              + "; the code needs one");
          continue;
        }
        raw = q.stem.toString();
      } else {
        StringBuilder sub = q.subItems.get(c.group(2).charAt(0));
        if (sub == null) {
          problems.add(where + ": question " + c.group(1) + " has no sub-item " + c.group(2) + " (it has "
              + q.subItems.keySet() + ")");
          continue;
        }
        raw = sub.toString();
        q.subItems.forEach((letter, t) -> siblings.put(String.valueOf(letter), t.toString()));
      }
      // wording: the item's key words are (mostly) in this sub-item, more than in any sibling
      String itemText = texts.get(id);
      double shared = shared(itemText, raw + " " + q.stem);
      if (shared < MIN_SHARED) {
        problems.add(String.format(Locale.ROOT, "%s: shares %.0f%% of the key words of \"%s\"; the printed text is \"%s\"",
            where, 100 * shared, itemText, oneLine(raw)));
      }
      for (Map.Entry<String, String> s : siblings.entrySet()) {
        double other = shared(itemText, s.getValue() + " " + q.stem);
        if (other > shared) {
          problems.add(String.format(Locale.ROOT, "%s: sub-item %s (\"%s\") matches \"%s\" better (%.0f%% > %.0f%%)",
              where, s.getKey(), oneLine(s.getValue()), itemText, 100 * other, 100 * shared));
        }
      }
      // scale: its labels are printed with the question; extra printed codes are its dont_know codes
      Map<String, Object> scale = map(scales.get(String.valueOf(m.get("scale"))));
      Set<String> printed = words(q.all());
      for (Object label : list(scale.get("labels"))) {
        for (String w : words(String.valueOf(label))) {
          if (!printed.contains(w)) {
            problems.add(where + ": scale label \"" + label + "\" is not printed with question " + c.group(1));
          }
        }
      }
      Set<String> expectedCodes = new TreeSet<>();
      list(scale.get("codes")).forEach(x -> expectedCodes.add(String.valueOf(x)));
      List<Object> dontKnow = scale.get("dont_know") == null ? List.of() : list(scale.get("dont_know"));
      dontKnow.forEach(x -> expectedCodes.add(String.valueOf(x)));
      Set<String> printedCodes = Arrays.stream(raw.split("\\s+")).filter(t -> t.matches("\\d"))
          .collect(Collectors.toCollection(TreeSet::new));
      // a yes/no question printed as tick boxes (2021-2025 q16, discrimination) shows no codes at
      // all: its codes '1' (Yes) and '2' (No) are assumed, and nothing printed contradicts them
      boolean tickBoxes = printedCodes.isEmpty() && list(scale.get("labels")).size() == 2;
      if (!tickBoxes && !printedCodes.equals(expectedCodes)) {
        problems.add(where + ": printed answer codes " + printedCodes + ", the scale has " + expectedCodes);
      }
      // the header may wrap "Not applicable to me" over lines, between other labels
      if (!dontKnow.isEmpty() && !(printed.contains("applicable") || printed.contains("dont"))) {
        problems.add(where + ": scale has dont_know codes but the question prints no \"Not applicable\" / \"Don't know\"");
      }
    }
    return problems;
  }

  @Test
  void aWrongCodeIsCaught() throws IOException {
    Path text = QUESTIONNAIRES.resolve("nhs-staff-survey-2023-questionnaire.txt");
    assumeTrue(Files.isRegularFile(text), "skipped: questionnaire not found at " + text.toAbsolutePath());
    Questionnaire questionnaire = Questionnaire.parse(Files.readAllLines(text, StandardCharsets.UTF_8));
    Map<String, Object> year = read(CATALOGUE.resolve("years/2023.yaml"));
    assertTrue(checkYear(2023, year, questionnaire).isEmpty(), "the real 2023 mapping is clean");
    // each of these breaks one thing: a neighbouring sub-item, a moved question, a similar item
    // elsewhere, a missing sub-item, a swapped pair, the wrong scale, a missing or an invented
    // "not applicable" code, a sub-item of a question that has none
    List<Map.Entry<String, Map<String, Object>>> breakages = List.of(
        Map.entry("advocacy.recommend_work", Map.of("code", "q25b", "scale", "agree")),
        Map.entry("advocacy.recommend_work", Map.of("code", "q23c", "scale", "agree")),
        Map.entry("line_management.interest_in_wellbeing", Map.of("code", "q11a", "scale", "agree")),
        Map.entry("raising_concerns.confident_unsafe_practice_addressed", Map.of("code", "q25f", "scale", "agree")),
        Map.entry("leaving.look_for_job", Map.of("code", "q26f", "scale", "agree", "reverse", true)),
        Map.entry("burnout.burnt_out", Map.of("code", "q12a", "scale", "frequency", "reverse", true)),
        Map.entry("motivation.look_forward", Map.of("code", "q2a", "scale", "agree")),
        Map.entry("compassionate_culture.role_makes_difference", Map.of("code", "q6a", "scale", "agree")),
        Map.entry("work_life_balance.achieve_balance", Map.of("code", "q6c", "scale", "agree_or_not_applicable")),
        Map.entry("diversity.respects_differences", Map.of("code", "q21a", "scale", "agree")));
    for (Map.Entry<String, Map<String, Object>> b : breakages) {
      Map<String, Object> broken = new LinkedHashMap<>(year);
      Map<String, Object> items = new LinkedHashMap<>(map(year.get("items")));
      items.put(b.getKey(), b.getValue());
      broken.put("items", items);
      List<String> problems = checkYear(2023, broken, questionnaire);
      assertTrue(problems.stream().anyMatch(p -> p.contains(b.getKey())),
          "not caught: " + b.getKey() + " -> " + b.getValue());
    }
  }

  // ---------------------------------------------------------------- the questionnaire text

  /** One numbered question: the text before its first sub-item, and its lettered sub-items. */
  static final class Question {
    final StringBuilder stem = new StringBuilder();
    final Map<Character, StringBuilder> subItems = new LinkedHashMap<>();

    String all() {
      StringBuilder b = new StringBuilder(stem);
      subItems.values().forEach(s -> b.append(' ').append(s));
      return b.toString();
    }
  }

  /**
   * A questionnaire as printed by {@code pdftotext -layout}: a question starts at a line
   * {@code 25.} or {@code 23a.}, a sub-item at {@code c.} (the next letter of the question); every
   * other line (wrapped wording, answer labels and codes) belongs to the question or sub-item
   * above it.
   */
  static final class Questionnaire {
    static final Pattern QUESTION = Pattern.compile("^\\s{0,3}(\\d{1,2})([a-z])?\\.\\s+(.*)$");
    static final Pattern SUB_ITEM = Pattern.compile("^\\s{0,3}([a-z])\\.(?:\\s+(.*))?$");
    static final Pattern PAGE = Pattern.compile("^\\s*Page \\d+\\s*$");

    final Map<Integer, Question> questions = new LinkedHashMap<>();

    static Questionnaire parse(List<String> lines) {
      Questionnaire result = new Questionnaire();
      int number = 0;
      Question current = null;
      StringBuilder target = null;
      for (String raw : lines) {
        String line = raw.replace("\f", "");
        if (PAGE.matcher(line).matches()) {
          continue;
        }
        Matcher q = QUESTION.matcher(line);
        if (q.matches() && Integer.parseInt(q.group(1)) > number) {
          number = Integer.parseInt(q.group(1));
          current = new Question();
          result.questions.put(number, current);
          if (q.group(2) != null) {
            target = new StringBuilder(q.group(3));
            current.subItems.put(q.group(2).charAt(0), target);
          } else {
            target = current.stem.append(q.group(3));
          }
          continue;
        }
        Matcher s = SUB_ITEM.matcher(line);
        if (current != null && s.matches() && s.group(1).charAt(0) == nextLetter(current)) {
          target = new StringBuilder(s.group(2) == null ? "" : s.group(2));
          current.subItems.put(s.group(1).charAt(0), target);
          continue;
        }
        if (target != null) {
          target.append(' ').append(line.trim());
        }
      }
      return result;
    }

    private static char nextLetter(Question q) {
      char last = 'a' - 1;
      for (char c : q.subItems.keySet()) {
        last = c;
      }
      return (char) (last + 1);
    }
  }

  // ---------------------------------------------------------------- words

  static final Set<String> STOP = Set.of("the", "and", "for", "with", "you", "your", "this", "that", "are", "was",
      "does", "how", "often", "all", "not", "any", "who", "what", "would", "will", "have", "has", "can", "etc",
      "about", "when", "there", "its", "each", "one", "another", "other");

  /** Lower case, apostrophes dropped, every other non-letter-or-digit a space. */
  static String normalise(String s) {
    return s.toLowerCase(Locale.ROOT).replace("’", "").replace("'", "").replaceAll("[^a-z0-9]+", " ").trim();
  }

  /** The words of a text, without numbers. */
  static Set<String> words(String s) {
    return Arrays.stream(normalise(s).split(" ")).filter(w -> !w.isEmpty() && !w.matches("\\d+"))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The distinctive words of an item's text: no short or common words. */
  static Set<String> keyWords(String s) {
    Set<String> w = words(s);
    w.removeIf(x -> x.length() <= 2 || STOP.contains(x));
    return w;
  }

  /** The share of the item text's key words that the printed text contains. */
  static double shared(String itemText, String printed) {
    Set<String> key = keyWords(itemText);
    Set<String> there = words(printed);
    long found = key.stream().filter(there::contains).count();
    return key.isEmpty() ? 0 : (double) found / key.size();
  }

  static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ").trim();
    return t.length() > 120 ? t.substring(0, 120) + "..." : t;
  }

  // ---------------------------------------------------------------- YAML as plain maps

  static Map<String, String> itemTexts() throws IOException {
    Map<String, String> texts = new LinkedHashMap<>();
    for (Object o : list(read(CATALOGUE.resolve("items.yaml")).get("items"))) {
      Map<String, Object> item = map(o);
      String before = texts.put(String.valueOf(item.get("id")), String.valueOf(item.get("text")));
      assertTrue(before == null, "item " + item.get("id") + " is listed twice in items.yaml");
    }
    return texts;
  }

  static List<Path> yearFiles() throws IOException {
    try (Stream<Path> files = Files.list(CATALOGUE.resolve("years"))) {
      return files.filter(f -> f.getFileName().toString().matches("\\d{4}\\.yaml")).sorted().toList();
    }
  }

  static Map<String, Object> read(Path file) throws IOException {
    assertTrue(Files.isRegularFile(file), "missing " + file);
    return map(YAML.readValue(file.toFile(), Map.class));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    assertTrue(o instanceof Map, "expected a mapping, got " + o);
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    assertTrue(o instanceof List, "expected a list, got " + o);
    return (List<Object>) o;
  }
}
