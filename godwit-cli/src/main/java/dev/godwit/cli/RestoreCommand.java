package dev.godwit.cli;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.restore.RestoreListener;
import dev.godwit.restore.RestoreOptions;
import dev.godwit.restore.RestoreResult;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Loads a SQL dump into an empty database as it streams in: plain, gzip or xz (told by the first bytes), read and
 * decompressed in one pass, with progress on standard error.
 */
@Command(name = "restore", description = "Load a .sql, .sql.gz or .sql.xz dump into an empty database.")
final class RestoreCommand implements Callable<Integer> {

    private static final byte[] XZ_MAGIC = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
    /** At most one progress line this often. */
    private static final long PROGRESS_EVERY_NS = 2_000_000_000L;

    @Parameters(paramLabel = "DUMP", description = "The dump file (.sql, .sql.gz, .sql.xz), or - for standard input")
    String dump;

    @Option(names = {"-1", "--single-transaction"}, description = "All or nothing: the whole dump in one transaction "
            + "(PostgreSQL, SQLite), as psql -1 does; by default it runs as written, as psql -f does")
    boolean singleTransaction;

    @ParentCommand
    private GodwitCommand root;

    @Override
    public Integer call() throws IOException {
        Output out = root.output();
        Settings settings = root.settings();
        boolean stdin = dump.equals("-");
        Path file = stdin ? Path.of("standard input") : root.context.resolve(dump);
        long size = stdin ? -1 : size(file);
        Counting counted;
        RestoreResult result;
        try (Counting raw = new Counting(stdin ? root.context.in() : Files.newInputStream(file));
             // Bytes that are not UTF-8 stop the restore instead of becoming replacement characters in the data.
             Reader text = new InputStreamReader(decompressed(file, new BufferedInputStream(raw, 1 << 16)),
                     StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                             .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            counted = raw;
            long[] last = {System.nanoTime()};
            RestoreListener progress = (statements, lines) -> {
                long now = System.nanoTime();
                if (now - last[0] >= PROGRESS_EVERY_NS) {
                    last[0] = now;
                    out.progress(size < 0 ? String.format(Locale.ROOT, "%,d statements, line %,d, %s read",
                            statements, lines, megabytes(raw.count))
                            : String.format(Locale.ROOT, "%,d statements, line %,d, %s of %s read (%d %%)",
                            statements, lines, megabytes(raw.count), megabytes(size),
                            size == 0 ? 100 : raw.count * 100 / size));
                }
            };
            result = settings.configure().load().restore(text, file.getFileName().toString(),
                    new RestoreOptions(singleTransaction, progress));
        }
        if (out.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dump", stdin ? "-" : file.toString());
            doc.put("statements", result.statements());
            doc.put("copiedRows", result.copiedRows());
            doc.put("lines", result.lines());
            doc.put("bytesRead", counted.count);
            doc.put("transactional", result.transactional());
            doc.put("durationMs", result.durationMs());
            out.document(doc);
        } else {
            out.line(String.format(Locale.ROOT, "Restored %s into %s: %,d statements%s, %,d lines, %s, in %,d ms%s.",
                    file.getFileName(), settings.displayUrl(), result.statements(),
                    result.copiedRows() > 0 ? String.format(Locale.ROOT, " and %,d copied rows", result.copiedRows())
                            : "", result.lines(), megabytes(counted.count), result.durationMs(),
                    result.transactional() ? " (one transaction)" : ""));
        }
        return 0;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new GodwitException(ErrorCode.USAGE, "The dump " + file + " does not exist. Check the path (a "
                    + "relative one is from the working directory), or give - to read standard input.", e);
        } catch (IOException e) {
            throw new GodwitException(ErrorCode.RESTORE, "Cannot read the dump " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The dump's text: gzip and xz, told by their first bytes rather than the file's name, are decompressed as they
     * are read.
     */
    private static InputStream decompressed(Path file, InputStream raw) throws IOException {
        byte[] head = new byte[6];
        raw.mark(head.length);
        int n = raw.readNBytes(head, 0, head.length);
        raw.reset();
        try {
            if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
                return new GZIPInputStream(raw, 1 << 16);
            }
            if (n == 6 && Arrays.equals(head, XZ_MAGIC)) {
                return new XZInputStream(raw);
            }
        } catch (IOException e) {
            throw new GodwitException(ErrorCode.RESTORE, file + " is not a valid compressed file: " + e.getMessage()
                    + ". It is damaged or was cut short; take the dump again.", e);
        }
        return raw;
    }

    private static String megabytes(long bytes) {
        return bytes < 1_048_576 ? String.format(Locale.ROOT, "%,d KB", (bytes + 1023) / 1024)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    /** Counts the bytes read from the file, before decompression, for progress against the file's size. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
