package io.fleetsim.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes files so that a reader never sees a half-written one (DESIGN.md principle 8): each file is written to a
 * hidden temporary file in the target directory, flushed to disk, and then renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE} (a POSIX {@code rename(2)}, which replaces the target atomically). Where
 * the file system cannot move atomically, the move falls back to {@link StandardCopyOption#REPLACE_EXISTING}.
 *
 * <p>All files of one call are rendered before any is moved, so a rendering failure (an exception in a report
 * format, a full disk) leaves every target as it was and deletes every temporary file.
 *
 * <p>Temporary files are created with {@code CREATE_NEW} under a name made of the process id and a counter
 * (not {@link Files#createTempFile}, whose owner-only permissions would carry over to the report), so they get the
 * permissions the user's umask gives any new file.
 *
 * <p>Caveats: the moves themselves are not one transaction. If the second of three moves fails (the target was
 * made a directory meanwhile, say), the first file is already replaced; each file is still whole. The directory
 * entry is not fsynced after the rename, so after a power loss a target may still hold its previous version.
 */
final class AtomicFiles {

    /** Content of one file, written as UTF-8 text. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** One file to write: its name in the target directory and its content. */
    record Output(String fileName, Content content) {

        Output {
            if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\")
                    || fileName.equals(".") || fileName.equals("..")) {
                throw new IllegalArgumentException("expected a plain file name, found '" + fileName + "'");
            }
        }
    }

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final int MAX_NAME_ATTEMPTS = 1000;
    private static final int BUFFER_CHARS = 1 << 16;

    private AtomicFiles() {
    }

    /**
     * Writes {@code outputs} into {@code dir} (created if missing) and returns the paths written, in order.
     *
     * @throws NotDirectoryException if {@code dir} exists and is not a directory
     * @throws IOException           if any file cannot be rendered or moved; no temporary file remains
     */
    static List<Path> writeAll(Path dir, List<Output> outputs) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new NotDirectoryException(dir.toString());
        }
        Files.createDirectories(dir);
        List<Path> temps = new ArrayList<>(outputs.size());
        List<Path> targets = new ArrayList<>(outputs.size());
        int moved = 0;
        try {
            for (Output output : outputs) {
                Path temp = createTemp(dir, output.fileName());
                temps.add(temp);
                writeSynced(temp, output.content());
                targets.add(dir.resolve(output.fileName()));
            }
            for (; moved < temps.size(); moved++) {
                move(temps.get(moved), targets.get(moved));
            }
            return List.copyOf(targets);
        } finally {
            deleteQuietly(temps.subList(moved, temps.size()));
        }
    }

    private static Path createTemp(Path dir, String fileName) throws IOException {
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
            Path temp = dir.resolve("." + fileName + "." + pid + "." + COUNTER.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // left over by an earlier process with the same id, or taken by a concurrent writer: next name
            }
        }
        throw new IOException("could not create a temporary file for " + fileName + " in " + dir + " after "
                + MAX_NAME_ATTEMPTS + " attempts");
    }

    private static void writeSynced(Path temp, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Writer out = new BufferedWriter(
                    new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), BUFFER_CHARS);
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(List<Path> temps) {
        for (Path temp : temps) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // the original failure is what the caller needs to see; a stray hidden .tmp file is harmless
            }
        }
    }
}
