package org.staffoutcomes.lake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local file system that sets permissions in process gives what Hadoop's chmod gave. */
class LocalFilesTest {

  /**
   * Hadoop keeps the first local file system a JVM asks for: one plain {@code new Configuration()}
   * reaching a local path first (it was the no-change check's) made every later write fork a
   * {@code chmod} per file and folder again (1,025 processes, 11 s of system time in a sample run).
   */
  static final ArchRule ONLY_LOCAL_FILES_MAKES_A_HADOOP_CONFIGURATION = noClasses()
      .that().doNotBelongToAnyOf(LocalFiles.class)
      .should().callConstructor(Configuration.class)
      .because("a configuration of its own would let Hadoop cache the chmod-forking local file system;"
          + " use LocalFiles.configuration() or copy one");

  @Test
  void noClassMakesAHadoopConfigurationOfItsOwn() {
    ONLY_LOCAL_FILES_MAKES_A_HADOOP_CONFIGURATION.check(new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.staffoutcomes"));
    assertThrows(AssertionError.class, () -> ONLY_LOCAL_FILES_MAKES_A_HADOOP_CONFIGURATION.check(
        new ClassFileImporter().importClasses(MakesItsOwn.class)), "the rule can fail");
  }

  static final class MakesItsOwn {
    Configuration conf() {
      return new Configuration();
    }
  }

  @TempDir Path dir;

  @Test
  void unixModesBecomeThePosixPermissionsChmodWouldSet() {
    assertEquals(PosixFilePermissions.fromString("rw-r--r--"), LocalFiles.posix((short) 0644));
    assertEquals(PosixFilePermissions.fromString("rwxr-xr-x"), LocalFiles.posix((short) 0755));
    assertEquals(PosixFilePermissions.fromString("rwx------"), LocalFiles.posix((short) 0700));
    assertEquals(PosixFilePermissions.fromString("-w---x-wx"), LocalFiles.posix((short) 0213));
    assertEquals(PosixFilePermissions.fromString("---------"), LocalFiles.posix((short) 0));
  }

  @Test
  void filesAndFoldersGetHadoopsModesAndAConfiguredFileSystemIsKept() throws IOException {
    LocalFiles fs = new LocalFiles();
    fs.initialize(dir.toUri(), new Configuration());
    org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(dir.resolve("a/b").toUri());
    fs.mkdirs(folder, new FsPermission((short) 0750));
    try (FSDataOutputStream out = fs.create(new org.apache.hadoop.fs.Path(folder, "part"), true)) {
      out.writeBytes("x");
    }
    fs.setPermission(new org.apache.hadoop.fs.Path(folder, "part"), new FsPermission((short) 0640));
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/part"))));
    assertEquals("x", Files.readString(dir.resolve("a/b/part")));

    Configuration other = new Configuration();
    other.set("fs.file.impl", "org.apache.hadoop.fs.LocalFileSystem");
    assertEquals("org.apache.hadoop.fs.LocalFileSystem", LocalFiles.use(other).get("fs.file.impl"),
        "a file system the user configured is kept");
    assertEquals(LocalFiles.class.getName(), LocalFiles.use(new Configuration()).get("fs.file.impl"));
  }
}
