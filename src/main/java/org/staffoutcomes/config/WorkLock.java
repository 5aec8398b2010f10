package org.staffoutcomes.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One command at a time on a work folder: {@code DIR/.lock} names the process working on it (pid,
 * host, when it started, the command) while an operating-system lock on that file is held.
 *
 * <p>Taking it: the file is opened (made if missing) and locked with {@link FileChannel#tryLock()},
 * which the operating system releases however the process ends, kill -9 included. Then:
 *
 * <ul>
 *   <li>another process holds the file lock: refused ({@link HeldException}, naming the holder);
 *   <li>the file names a process on another host: refused too (its lock may not reach this host
 *       over a network file system); the message says to remove the file if nothing runs there;
 *   <li>the file names a live process on this host (same pid and process start time): refused
 *       (belt and braces, for file systems without working locks);
 *   <li>the file names a process that is gone (or whose pid now belongs to a later process): its
 *       lock is taken over with a warning;
 *   <li>the file is empty: free.
 * </ul>
 *
 * The holder's line is then written over the file's content. {@link #close} empties the file and
 * releases the lock (the file stays, so a process never locks a file that another has replaced);
 * a shutdown hook does the same when the JVM is stopped by a signal.
 */
public final class WorkLock implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** This host's name: the kernel's where it says (no name lookup), else Java's. */
  private static final String HOST = hostName();

  /**
   * Who holds the lock.
   *
   * @param pid process id
   * @param host host name
   * @param started when it took the lock (ISO-8601, UTC)
   * @param command the command line's subcommand (e.g. {@code run})
   * @param processStart when the process started, to tell a reused pid from the holder
   */
  public record Holder(long pid, String host, String started, String command,
      @JsonProperty("process_start") String processStart) {

    /** "pid 1234 on host h, started 2026-05-01T02:00:00Z (run)". */
    public String describe() {
      return "pid " + pid + " on host " + host + ", started " + started + " (" + command + ")";
    }

    static Holder current(String command) {
      ProcessHandle self = ProcessHandle.current();
      return new Holder(self.pid(), HOST, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), command,
          self.info().startInstant().map(Instant::toString).orElse(null));
    }

    /** The process it names runs on this host (by pid, and by start time where both are known). */
    boolean alive() {
      Optional<ProcessHandle> p = ProcessHandle.of(pid);
      if (p.isEmpty() || !p.get().isAlive()) {
        return false;
      }
      Optional<Instant> start = p.get().info().startInstant();
      if (processStart == null || start.isEmpty()) {
        return true;
      }
      try {
        return Duration.between(Instant.parse(processStart), start.get()).abs().getSeconds() <= 1;
      } catch (RuntimeException e) {
        return true;
      }
    }
  }

  /** Another process works on the folder: nothing was done. */
  public static final class HeldException extends RuntimeException {
    private final transient Holder holder;

    HeldException(String message, Holder holder) {
      super(message);
      this.holder = holder;
    }

    /** The holder, when the lock file could be read. */
    public Optional<Holder> holder() {
      return Optional.ofNullable(holder);
    }
  }

  private final Path file;
  private final FileChannel channel;
  private final FileLock osLock;
  private final Thread onSignal;
  private boolean closed;

  private WorkLock(Path file, FileChannel channel, FileLock osLock) {
    this.file = file;
    this.channel = channel;
    this.osLock = osLock;
    this.onSignal = new Thread(this::release, "staff-outcomes work lock");
    Runtime.getRuntime().addShutdownHook(onSignal);
  }

  /**
   * Takes the lock of {@code workspace} for {@code command}, warning on {@code err} when it takes
   * over the lock of a process that is gone.
   *
   * @throws HeldException when another process holds it
   * @throws WorkFolderException when the lock file cannot be written
   */
  public static WorkLock acquire(Workspace workspace, String command, PrintWriter err) {
    Path file = workspace.lockFile();
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock osLock = null;
      boolean unsupported = false;
      try {
        osLock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        // this JVM holds it (another command run in the same process): held
      } catch (IOException e) {
        unsupported = true; // no locks on this file system: the holder's pid decides alone
      }
      String text = read(channel);
      Holder holder = parse(text);
      if (osLock == null && !unsupported) {
        throw held(workspace, holder);
      }
      if (holder != null) {
        if (!holder.host().equals(HOST)) {
          throw held(workspace, holder);
        }
        if (holder.pid() != ProcessHandle.current().pid() && holder.alive()) {
          throw held(workspace, holder);
        }
        err.println("warning: taking over the lock of " + workspace.root() + " from a run that is no longer running ("
            + holder.describe() + ")");
        err.flush();
      } else if (!text.isBlank()) {
        err.println("warning: taking over the lock of " + workspace.root() + ": " + file.getFileName()
            + " held no readable holder");
        err.flush();
      }
      byte[] line = (JSON.writeValueAsString(Holder.current(command)) + "\n").getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(line), 0);
      channel.force(true);
      return new WorkLock(file, channel, osLock);
    } catch (IOException e) {
      close(channel);
      throw new WorkFolderException("Cannot write the lock " + file + ": " + e.getMessage() + "; nothing was done", e);
    } catch (RuntimeException e) {
      close(channel);
      throw e;
    }
  }

  /** Empties the lock file and releases the lock (again: nothing). */
  @Override
  public void close() {
    release();
    try {
      Runtime.getRuntime().removeShutdownHook(onSignal);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs or has run
    }
  }

  private synchronized void release() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.truncate(0);
      channel.force(true);
      if (osLock != null) {
        osLock.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot empty the lock " + file, e);
    } finally {
      close(channel); // releases the operating-system lock with the channel
    }
  }

  private static HeldException held(Workspace workspace, Holder holder) {
    if (holder == null) {
      return new HeldException("The work folder " + workspace.root() + " is in use by another run (its "
          + workspace.lockFile().getFileName() + " names no holder yet); nothing was done", null);
    }
    String hint = holder.host().equals(HOST) ? ""
        : " (if no run is going on " + holder.host() + ", remove " + workspace.lockFile() + ")";
    return new HeldException("The work folder " + workspace.root() + " is in use by another run: " + holder.describe()
        + hint + "; nothing was done", holder);
  }

  private static String read(FileChannel channel) throws IOException {
    long size = Math.min(channel.size(), 64 * 1024);
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
      // read until full or the end of the file
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  private static Holder parse(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      Holder h = JSON.readValue(text, Holder.class);
      return h.pid() > 0 && h.host() != null ? h : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static void close(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing more to release
      }
    }
  }

  private static String hostName() {
    try {
      Path kernel = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(kernel)) {
        String name = Files.readString(kernel).strip();
        if (!name.isEmpty()) {
          return name;
        }
      }
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
