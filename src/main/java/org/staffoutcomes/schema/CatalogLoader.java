package org.staffoutcomes.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.staffoutcomes.config.Excerpt;

/**
 * Reads a catalog folder ({@code catalog.yaml} plus one YAML descriptor per dataset) and checks it.
 * A catalog is named by a folder path, or by a name looked up under the schemas home (the
 * repository's {@code data-schemas/}) and then on the classpath (inside the jar, for spark-submit).
 */
public final class CatalogLoader {

  public static final String CATALOG_FILE = "catalog.yaml";

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private CatalogLoader() {}

  /** The catalog's file as written in YAML. */
  private record CatalogFile(String name, String title, List<String> datasets, AnalysisSpec analysis,
      Map<String, String> defaults, Catalog.Succession succession, YearRange years,
      Catalog.UnknownOrganisations unknownOrganisations) {}

  /**
   * @param nameOrPath a folder holding {@code catalog.yaml}, or a catalog name
   * @param schemasHome the folder holding named catalogs (may not exist)
   */
  public static Catalog load(String nameOrPath, Path schemasHome) {
    Path asPath = Path.of(nameOrPath);
    if (Files.isDirectory(asPath)) {
      return load(new FolderSource(asPath));
    }
    Path named = schemasHome.resolve(nameOrPath);
    if (Files.isRegularFile(named.resolve(CATALOG_FILE))) {
      return load(new FolderSource(named));
    }
    String resource = "/data-schemas/" + nameOrPath + "/";
    if (CatalogLoader.class.getResource(resource + CATALOG_FILE) != null) {
      return load(new ClasspathSource(resource));
    }
    throw new DescriptorException("Cannot find catalog '" + nameOrPath + "': not a folder, not under "
        + schemasHome + ", not in the jar");
  }

  /**
   * The question catalogue {@code questions/} under the schemas home, or inside the jar when the
   * schemas home has none.
   */
  public static QuestionCatalogue questions(Path schemasHome) {
    Path folder = schemasHome.resolve("questions");
    return QuestionCatalogueLoader.load(Files.isRegularFile(folder.resolve(QuestionCatalogueLoader.ITEMS_FILE))
        ? new FolderSource(folder) : new ClasspathSource("/data-schemas/questions/"));
  }

  /** The question catalogue in {@code folder}. */
  public static QuestionCatalogue questionsIn(Path folder) {
    return QuestionCatalogueLoader.load(new FolderSource(folder));
  }

  /** Reads the catalog in one folder. */
  public static Catalog load(Path folder) {
    return load(new FolderSource(folder));
  }

  private static Catalog load(Source source) {
    CatalogFile file = parse(source, CATALOG_FILE, CatalogFile.class);
    String where = "Invalid catalog " + source.describe(CATALOG_FILE) + ": ";
    if (file.datasets() == null || file.datasets().isEmpty()) {
      throw new DescriptorException(where + "datasets must list at least one descriptor file");
    }
    List<DatasetDescriptor> datasets = new ArrayList<>();
    Map<String, QuestionCatalogue> questions = new java.util.HashMap<>();
    for (String entry : file.datasets()) {
      DatasetDescriptor d = parse(source, entry, DatasetDescriptor.class).withOrigin(source.describe(entry));
      if (d.survey() != null) {
        d = ScoreMeasures.expand(withQuestions(d, source, questions));
      }
      DescriptorValidator.validate(d);
      d = withSeparateScaleSeries(d);
      datasets.add(d);
    }
    Catalog catalog = new Catalog(file.name(), file.title() == null ? file.name() : file.title(),
        datasets, file.analysis(), file.defaults(), file.succession(), source.describe(CATALOG_FILE), file.years(),
        file.unknownOrganisations());
    validate(catalog, where);
    return catalog;
  }

  /** A measure whose scale change is kept as separate series gets its earlier-years twin after it. */
  private static DatasetDescriptor withSeparateScaleSeries(DatasetDescriptor d) {
    List<MeasureSpec> out = new ArrayList<>();
    for (MeasureSpec m : d.measures()) {
      out.add(m);
      if (m.scaleChange() != null && m.scaleChange().separate() && !m.scaleChange().earlier()) {
        out.add(m.earlierYears());
      }
    }
    return out.size() == d.measures().size() ? d : d.withMeasures(out);
  }

  /** Loads the descriptor's question catalogue (once per folder) and adds the item columns. */
  private static DatasetDescriptor withQuestions(DatasetDescriptor d, Source source,
      Map<String, QuestionCatalogue> loaded) {
    SurveySpec s = d.survey();
    String where = "Invalid descriptor " + d.origin() + ": ";
    require(s.questions() != null && !s.questions().isBlank(),
        where + "survey.questions (the question catalogue folder) is required");
    require(s.shape() != null, where + "survey.shape is required (microdata or distributions)");
    require(s.shape() != SurveySpec.Shape.MICRODATA || s.occupationGroup() != null,
        where + "survey.occupation_group (the column naming each respondent's group) is required for microdata");
    require(d.period() != null && d.period().fileGroup() != null,
        where + "a survey dataset takes its year from the file name: period.file_group is required");
    Source folder = source.resolve(s.questions());
    require(folder.exists(QuestionCatalogueLoader.ITEMS_FILE), where + "survey.questions: no "
        + QuestionCatalogueLoader.ITEMS_FILE + " in " + folder.describe(""));
    QuestionCatalogue q = loaded.computeIfAbsent(folder.describe(""), k -> QuestionCatalogueLoader.load(folder));
    DatasetDescriptor withCatalogue = d.withSurvey(s.withCatalogue(q), d.columns());
    try {
      require(!withCatalogue.survey().heldItems().isEmpty(), where + "survey.scores hold no items");
    } catch (DescriptorException e) {
      throw new DescriptorException(where + e.getMessage(), e);
    }
    return withCatalogue.withSurvey(withCatalogue.survey(), SurveyColumns.lakeColumns(withCatalogue, d.columns()));
  }

  private static void validate(Catalog c, String where) {
    require(c.name() != null && !c.name().isBlank(), where + "name is required");
    Set<String> datasetNames = new HashSet<>();
    Set<String> measureNames = new HashSet<>();
    for (DatasetDescriptor d : c.datasets()) {
      require(datasetNames.add(d.name()), where + "dataset name '" + d.name() + "' is used twice");
      for (MeasureSpec m : d.measures()) {
        require(measureNames.add(m.name()), where + "measure name '" + m.name() + "' is used twice");
      }
    }
    require(c.withRole(Role.ORGANISATIONS).size() <= 1, where + "at most one organisations dataset");
    require(c.withRole(Role.SUCCESSORS).size() <= 1, where + "at most one successors dataset");
    require(!c.staffMeasures().isEmpty(), where + "needs at least one staff dataset with measures");
    String headline = c.analysis().headlineMeasure();
    require(headline != null, where + "analysis.headline_measure is required");
    require(c.staffMeasures().stream().anyMatch(m -> m.name().equals(headline)),
        where + "analysis.headline_measure '" + headline + "' is not a staff measure of this catalog");
    require(c.analysis().minPairs() >= 4, where + "analysis.min_pairs must be at least 4");
    YearRange years = c.years();
    require(years == null || (years.from() != null && years.to() != null && years.from() <= years.to()),
        where + "years needs from and to, from not after to (e.g. years: {from: 2012, to: 2026})");
    for (String m : c.analysis().spcMeasures() == null ? List.<String>of() : c.analysis().spcMeasures()) {
      require(c.measure(m).isPresent(), where + "analysis.spc_measures names '" + m + "', not a measure of this catalog");
    }
    for (String m : c.analysis().spcPng()) {
      require(c.measure(m).isPresent() && (c.analysis().spcMeasures() == null
          ? m.equals(headline) || c.outcomes().stream().anyMatch(o -> o.name().equals(m) && !o.ordinal())
          : c.analysis().spcMeasures().contains(m)),
          where + "analysis.spc_png names '" + m + "', not a measure given an XmR chart (analysis.spc_measures)");
    }
    for (String m : c.analysis().cultureMeasures()) {
      require(c.staffMeasures().stream().anyMatch(x -> x.name().equals(m)),
          where + "analysis.culture_measures names '" + m + "', not a staff measure of this catalog");
    }
    c.analysis().funnels().forEach((outcome, model) -> {
      require(c.outcomes().stream().anyMatch(o -> o.name().equals(outcome)) && c.datasets().stream()
          .flatMap(d -> d.measures().stream()).anyMatch(s -> s.name().equals(outcome) && s.isRatio()),
          where + "analysis.funnels names '" + outcome + "', not an outcome with a numerator and denominator");
      require(List.of("poisson", "binomial").contains(model),
          where + "analysis.funnels." + outcome + " is '" + model + "': expected poisson or binomial");
    });
  }

  private static <T> T parse(Source source, String file, Class<T> type) {
    return parse(source, file, text(source, file), type);
  }

  static String text(Source source, String file) {
    try (InputStream in = source.open(file)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new DescriptorException("Cannot read descriptor " + source.describe(file) + ": no such file", e);
    } catch (IOException e) {
      throw new DescriptorException("Cannot read descriptor " + source.describe(file) + ": " + e.getMessage(), e);
    }
  }

  static <T> T parse(Source source, String file, String text, Class<T> type) {
    try {
      return YAML.readValue(text, type);
    } catch (JsonProcessingException e) {
      String at = location(e, text);
      throw new DescriptorException("Invalid descriptor " + source.describe(file) + at + ": " + problem(e, text), e);
    } catch (IOException e) {
      throw new DescriptorException("Cannot read descriptor " + source.describe(file) + ": " + e.getMessage(), e);
    }
  }

  /** Jackson's quoted values, e.g. {@code String value ('...')}: a whole file when it is one text. */
  private static final java.util.regex.Pattern QUOTED_VALUE = java.util.regex.Pattern.compile("\\('(.*)'\\)");

  /**
   * What is wrong, in one line that quotes no more than {@link Excerpt#SHORT} characters of the
   * file: a file that is not a mapping of keys (e.g. a catalog entry naming a file that is not a
   * descriptor) is said to be so, without its text.
   */
  private static String problem(JsonProcessingException e, String text) {
    if (e instanceof MismatchedInputException m && m.getPath().isEmpty()) {
      return text.isBlank() ? "the file is empty"
          : "the file is not a YAML mapping of keys (it reads as one value of " + text.length() + " characters)";
    }
    String message = e.getOriginalMessage().lines().findFirst().orElse("");
    java.util.regex.Matcher quoted = QUOTED_VALUE.matcher(message);
    if (quoted.find()) {
      message = message.substring(0, quoted.start()) + "('" + Excerpt.of(quoted.group(1), Excerpt.SHORT) + "')"
          + message.substring(quoted.end());
    }
    return Excerpt.of(message, 300);
  }

  /**
   * Where the problem is. Jackson reports an unknown property at the end of the mapping that holds
   * it, so for that case the property's own line is looked up in the text.
   */
  private static String location(JsonProcessingException e, String text) {
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
      java.util.regex.Matcher m = java.util.regex.Pattern
          .compile("(?m)^(.*?[\\s{,-])?(" + java.util.regex.Pattern.quote(u.getPropertyName()) + ")\\s*:")
          .matcher(text);
      if (m.find()) {
        int line = (int) text.substring(0, m.start(2)).chars().filter(c -> c == '\n').count() + 1;
        int column = m.start(2) - text.lastIndexOf('\n', m.start(2) - 1);
        return " (line " + line + ", column " + column + ")";
      }
    }
    JsonLocation loc = e.getLocation();
    return loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new DescriptorException(message);
    }
  }

  /** A folder of YAML files: on disk, or inside the jar. */
  interface Source {
    InputStream open(String file) throws IOException;

    String describe(String file);

    boolean exists(String file);

    /** The folder {@code relative} to this one. */
    Source resolve(String relative);

    /** Names of the files in sub-folder {@code dir} matching {@code name}, sorted. */
    List<String> list(String dir, java.util.regex.Pattern name);
  }

  private record FolderSource(Path folder) implements Source {
    public InputStream open(String file) throws IOException {
      return Files.newInputStream(folder.resolve(file));
    }

    public String describe(String file) {
      return folder.resolve(file).toString();
    }

    public boolean exists(String file) {
      return Files.isRegularFile(folder.resolve(file));
    }

    public Source resolve(String relative) {
      return new FolderSource(folder.resolve(relative).normalize());
    }

    public List<String> list(String dir, java.util.regex.Pattern name) {
      Path d = folder.resolve(dir);
      if (!Files.isDirectory(d)) {
        return List.of();
      }
      try (java.util.stream.Stream<Path> files = Files.list(d)) {
        return files.map(f -> f.getFileName().toString()).filter(f -> name.matcher(f).matches()).sorted().toList();
      } catch (IOException e) {
        throw new DescriptorException("Cannot list " + d + ": " + e.getMessage(), e);
      }
    }
  }

  private record ClasspathSource(String prefix) implements Source {
    public InputStream open(String file) throws IOException {
      InputStream in = CatalogLoader.class.getResourceAsStream(prefix + file);
      if (in == null) {
        throw new IOException("no such file in the jar");
      }
      return in;
    }

    public String describe(String file) {
      return "classpath:" + prefix + file;
    }

    public boolean exists(String file) {
      return CatalogLoader.class.getResource(prefix + file) != null;
    }

    public Source resolve(String relative) {
      String normal = Path.of(prefix).resolve(relative).normalize().toString();
      return new ClasspathSource(normal.endsWith("/") ? normal : normal + "/");
    }

    /** A jar cannot be listed portably; year files (the only listing) are probed by name. */
    public List<String> list(String dir, java.util.regex.Pattern name) {
      List<String> out = new ArrayList<>();
      for (int year = 1990; year <= 2100; year++) {
        String file = year + ".yaml";
        if (name.matcher(file).matches() && exists(dir + "/" + file)) {
          out.add(file);
        }
      }
      return out;
    }
  }

}
