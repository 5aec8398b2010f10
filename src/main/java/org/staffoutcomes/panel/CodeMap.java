package org.staffoutcomes.panel;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.staffoutcomes.schema.CodeRule;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * A descriptor's code map: the published organisation code turned into the panel's (a site code
 * counts towards its trust). Each rule replaces a whole code that matches its pattern, in order,
 * with Java's replacement syntax ({@code $1}). Pure; serializable, so the scores stage applies
 * the same rules inside Spark tasks.
 */
public final class CodeMap implements Serializable {

  private static final long serialVersionUID = 1L;

  private final List<Pattern> patterns = new ArrayList<>();
  private final List<String> replacements = new ArrayList<>();

  private CodeMap(List<CodeRule> rules) {
    for (CodeRule rule : rules) {
      patterns.add(Pattern.compile("^(?:" + rule.pattern() + ")$"));
      replacements.add(rule.replacement());
    }
  }

  public static CodeMap of(DatasetDescriptor d) {
    return new CodeMap(d.codeMap());
  }

  /** True when the descriptor has no rules: every code is kept as published. */
  public boolean isEmpty() {
    return patterns.isEmpty();
  }

  /** The panel's code for a published code (null stays null). */
  public String apply(String code) {
    if (code == null) {
      return null;
    }
    String out = code;
    for (int i = 0; i < patterns.size(); i++) {
      out = patterns.get(i).matcher(out).replaceAll(replacements.get(i));
    }
    return out;
  }
}
