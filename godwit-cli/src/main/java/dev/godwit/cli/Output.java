package dev.godwit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.error.Redaction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a command's results go: lines of text, or one JSON document on standard output ({@code --format json}).
 * Errors go to standard error as one sentence, or, in JSON mode, as {@code {"error": {...}}} on standard output,
 * so a script always gets a document to parse.
 */
final class Output {

    private final CliContext context;
    private final GodwitCommand.Format format;
    private final boolean quiet;

    Output(CliContext context, GodwitCommand.Format format, boolean quiet) {
        this.context = context;
        this.format = format;
        this.quiet = quiet;
    }

    boolean json() {
        return format == GodwitCommand.Format.json;
    }

    /** A line of text output; nothing in JSON mode or with {@code -q}. */
    void line(String text) {
        if (!json() && !quiet) {
            context.out().println(text);
        }
    }

    /** The one JSON document of this run. */
    void document(Object value) {
        context.out().println(toJson(value));
    }

    /** How far a long command has come: to standard error in text mode, unless quiet. */
    void progress(String text) {
        if (!json() && !quiet) {
            context.err().println(text);
        }
    }

    /** A warning: to standard error in text mode, unless quiet. */
    void warn(String text) {
        if (!json() && !quiet) {
            context.err().println("warning: " + text);
        }
    }

    /** Prints a failure and gives its exit code. */
    int failure(Exception e, boolean verbose, String password) {
        ErrorCode code = e instanceof GodwitException g ? g.code() : ErrorCode.GENERAL;
        String message = e instanceof GodwitException ? e.getMessage()
                : "Unexpected error: " + e + ". Run with -v for the details, and please report it.";
        message = Redaction.text(message, password);
        if (json()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code.id());
            error.put("exitCode", code.exitCode());
            error.put("message", message);
            document(Map.of("error", error));
        } else {
            context.err().println("error: " + message);
        }
        if (verbose) {
            ByteArrayOutputStream trace = new ByteArrayOutputStream();
            e.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
            context.err().print(Redaction.text(trace.toString(StandardCharsets.UTF_8), password));
        }
        return code.exitCode();
    }

    private static String toJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output", e);
        }
    }

    /** Built on first use: commands that print text never pay for Jackson's start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
                        .addSerializer(dev.godwit.migrate.MigrationId.class,
                                com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }
}
