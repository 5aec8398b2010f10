package org.staffoutcomes.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
