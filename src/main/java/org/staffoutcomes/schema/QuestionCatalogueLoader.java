package org.staffoutcomes.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.staffoutcomes.schema.QuestionCatalogue.Item;
import org.staffoutcomes.schema.QuestionCatalogue.ItemCode;
import org.staffoutcomes.schema.QuestionCatalogue.Scale;
import org.staffoutcomes.schema.QuestionCatalogue.Score;
import org.staffoutcomes.schema.QuestionCatalogue.SurveyYear;

/**
 * Reads a question catalogue folder: {@code items.yaml} and {@code years/<year>.yaml}, and checks
 * it. Every problem names the file and, where it is about one entry, the entry's line and column.
 */
final class QuestionCatalogueLoader {

  static final String ITEMS_FILE = "items.yaml";
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
  private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.yaml");

  private QuestionCatalogueLoader() {}

  /** items.yaml as written. */
  private record ItemsFile(List<Item> items, List<Score> scores) {}

  static QuestionCatalogue load(CatalogLoader.Source folder) {
    String itemsText = CatalogLoader.text(folder, ITEMS_FILE);
    ItemsFile file = CatalogLoader.parse(folder, ITEMS_FILE, itemsText, ItemsFile.class);
    Located items = new Located(folder.describe(ITEMS_FILE), itemsText);
    List<Item> itemList = file.items() == null ? List.of() : file.items();
    List<Score> scoreList = file.scores() == null ? List.of() : file.scores();
    validateItems(itemList, scoreList, items);
    TreeMap<Integer, SurveyYear> years = new TreeMap<>();
    for (String name : folder.list("years", YEAR_FILE)) {
      String path = "years/" + name;
      String text = CatalogLoader.text(folder, path);
      SurveyYear y = CatalogLoader.parse(folder, path, text, SurveyYear.class);
      Located at = new Located(folder.describe(path), text);
      Matcher m = YEAR_FILE.matcher(name);
      m.matches();
      int fileYear = Integer.parseInt(m.group(1));
      at.require(y.year() != null && y.year() == fileYear, "year",
          "year must be " + fileYear + " (the file's name), was " + y.year());
      SurveyYear withOrigin = new SurveyYear(y.year(), y.source(), y.scoreRange(), y.notAnswered(), y.scales(),
          y.items(), y.absent(), at.file);
      validateYear(withOrigin, itemList, at);
      years.put(fileYear, withOrigin);
    }
    if (years.isEmpty()) {
      throw new DescriptorException("Invalid question catalogue " + folder.describe("years/")
          + ": no year mapping files (years/<year>.yaml)");
    }
    return new QuestionCatalogue(itemList, scoreList, years, folder.describe(""));
  }

  private static void validateItems(List<Item> items, List<Score> scores, Located at) {
    at.require(!items.isEmpty(), "items", "items must list at least one canonical item");
    Set<String> columns = new HashSet<>();
    for (Item i : items) {
      at.require(i.id() != null && ID.matcher(i.id()).matches(), i.id(),
          "item id '" + i.id() + "' must be words of a-z, 0-9, _ joined by '.'");
      at.require(columns.add(i.column()), i.id(), "item id '" + i.id() + "' is used twice (or equals another "
          + "after '.' becomes '_')");
      at.require(i.options() != null && i.options() >= 2, i.id(), "item '" + i.id() + "' needs options >= 2");
      for (int p : i.positivePositions()) {
        at.require(p >= 1 && p <= i.options(), i.id(),
            "item '" + i.id() + "': positive position " + p + " is outside 1.." + i.options());
      }
    }
    Map<String, Score> byId = new HashMap<>();
    for (Score s : scores) {
      at.require(s.id() != null && ID.matcher(s.id()).matches(), s.id(),
          "score id '" + s.id() + "' must be words of a-z, 0-9, _ joined by '.'");
      at.require(columns.add(s.column()), s.id(), "score id '" + s.id() + "' is used twice or equals an item id");
      at.require(s.items().isEmpty() != s.parts().isEmpty(), s.id(),
          "score '" + s.id() + "' needs exactly one of items (a mean of answered items) or parts (a mean of scores)");
      byId.put(s.id(), s);
    }
    Set<String> itemIds = new HashSet<>();
    items.forEach(i -> itemIds.add(i.id()));
    for (Score s : scores) {
      for (String i : s.items()) {
        at.require(itemIds.contains(i), s.id(), "score '" + s.id() + "' names item '" + i + "', not in items");
      }
      for (String p : s.parts()) {
        at.require(byId.containsKey(p), s.id(), "score '" + s.id() + "' names part '" + p + "', not a score");
        at.require(!byId.get(p).percent(), s.id(), "score '" + s.id() + "' names part '" + p
            + "', a percent score: parts are mean scores (a percentage and a mean score do not average)");
      }
      at.require(!s.percent() || s.parts().isEmpty(), s.id(),
          "score '" + s.id() + "' of kind percent needs items (the mean of their percentages positive), not parts");
    }
    for (Score s : scores) {
      checkNoCycle(s, byId, new ArrayList<>(), at);
    }
  }

  private static void checkNoCycle(Score s, Map<String, Score> byId, List<String> path, Located at) {
    at.require(!path.contains(s.id()), path.isEmpty() ? s.id() : path.get(0), "scores form a cycle: " + String.join(" -> ", path) + " -> " + s.id());
    path.add(s.id());
    for (String p : s.parts()) {
      checkNoCycle(byId.get(p), byId, path, at);
    }
    path.remove(path.size() - 1);
  }

  private static void validateYear(SurveyYear y, List<Item> items, Located at) {
    at.require(y.scoreRange().size() == 2 && !y.scoreRange().get(0).equals(y.scoreRange().get(1)), "score_range",
        "score_range must be [score of the least favourable option, score of the most favourable]");
    for (Map.Entry<String, Scale> e : y.scales().entrySet()) {
      Scale s = e.getValue();
      at.require(!s.labels().isEmpty() && s.labels().size() == s.codes().size(), e.getKey(),
          "scale '" + e.getKey() + "' needs as many codes as labels");
      at.require(new HashSet<>(s.codes()).size() == s.codes().size(), e.getKey(),
          "scale '" + e.getKey() + "' repeats a code");
      for (String c : s.dontKnow()) {
        at.require(!s.codes().contains(c) && !y.notAnswered().contains(c), e.getKey(),
            "scale '" + e.getKey() + "': dont_know code '" + c + "' is also an answer or not-answered code");
      }
      for (String c : y.notAnswered()) {
        at.require(!s.codes().contains(c), "not_answered",
            "not_answered code '" + c + "' is an answer code of scale '" + e.getKey() + "'");
      }
    }
    Map<String, Item> byId = new HashMap<>();
    items.forEach(i -> byId.put(i.id(), i));
    Map<String, String> codes = new HashMap<>();
    for (Map.Entry<String, ItemCode> e : y.items().entrySet()) {
      String id = e.getKey();
      ItemCode c = e.getValue();
      at.require(byId.containsKey(id), id, "'" + id + "' is not a canonical item of " + ITEMS_FILE);
      at.require(!y.absent().containsKey(id), id, "'" + id + "' is both mapped and absent");
      at.require(c.code() != null && !c.code().isBlank(), id, "'" + id + "' needs a code");
      String before = codes.put(c.code(), id);
      at.require(before == null, id, "code '" + c.code() + "' is used by both '" + before + "' and '" + id + "'");
      Scale s = y.scales().get(c.scale());
      at.require(s != null, id, "'" + id + "': scale '" + c.scale() + "' is not defined under scales");
      at.require(s.codes().size() == byId.get(id).options(), id, "'" + id + "': scale '" + c.scale() + "' has "
          + s.codes().size() + " options, the item has " + byId.get(id).options());
    }
    for (String id : y.absent().keySet()) {
      at.require(byId.containsKey(id), id, "absent '" + id + "' is not a canonical item of " + ITEMS_FILE);
      at.require(y.absent().get(id) != null && !y.absent().get(id).isBlank(), id,
          "absent '" + id + "' needs the reason it is absent");
    }
    List<String> unstated = items.stream().map(Item::id)
        .filter(id -> !y.items().containsKey(id) && !y.absent().containsKey(id)).toList();
    at.require(unstated.isEmpty(), "items", "every canonical item must be mapped or listed under absent; "
        + "not stated: " + unstated);
  }

  /** A file's text, for locating an entry's line and column in messages. */
  private record Located(String file, String text) {
    void require(boolean ok, String key, String message) {
      if (!ok) {
        throw new DescriptorException("Invalid question catalogue " + file + locate(key) + ": " + message);
      }
    }

    private String locate(String key) {
      if (key == null) {
        return "";
      }
      Matcher m = Pattern.compile("(?m)^[\\s-]*(?:\\{?\\s*id:\\s*)?['\"]?(" + Pattern.quote(key) + ")['\"]?\\s*[:,}\\n]")
          .matcher(text);
      if (!m.find()) {
        return "";
      }
      int line = (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
      int column = m.start(1) - text.lastIndexOf('\n', m.start(1) - 1);
      return " (line " + line + ", column " + column + ")";
    }
  }
}
