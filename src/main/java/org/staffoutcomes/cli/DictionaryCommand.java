package org.staffoutcomes.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.staffoutcomes.config.Settings;
import org.staffoutcomes.docs.Catalogs;
import org.staffoutcomes.docs.DataDictionary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dictionary", mixinStandardHelpOptions = true,
    description = "Writes the data dictionary (every catalog in data-schemas/ and every output column) as Markdown.")
final class DictionaryCommand implements Callable<Integer> {

  @Option(names = "--out", defaultValue = "notebooks-docs/data-dictionary.md", paramLabel = "FILE",
      description = "Where to write it (default: ${DEFAULT-VALUE}).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String md = DataDictionary.markdown(Catalogs.all(Settings.schemasHome()));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md, StandardCharsets.UTF_8);
    spec.commandLine().getOut().println("data dictionary written to " + out);
    return ExitCodes.OK;
  }
}
