package dev.godwit.cli;

import dev.godwit.Fleet;
import dev.godwit.migrate.MigrationListener;
import dev.godwit.migrate.MigrationState;
import dev.godwit.migrate.MigrationStatus;
import dev.godwit.migrate.StatusResult;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** One line per migration: applied, pending, changed, failed or missing. */
@Command(name = "status", description = "Show applied, pending, changed, failed and missing migrations.")
final class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Option(names = "--exit-code", description = "Exit 2 when migrations are pending")
    boolean exitCode;

    @Mixin
    FleetFlags fleet;

    @ParentCommand
    private GodwitCommand root;

    @Override
    public Integer call() {
        Output out = root.output();
        if (fleet.any()) {
            List<Fleet.Outcome<StatusResult>> outcomes = Fleet.status(fleet.targets(root.settings(), root.context,
                    name -> new MigrationListener() { }), fleet.jobs);
            int failed = FleetReport.report(out, outcomes, StatusCommand::summary, "status");
            boolean pending = outcomes.stream().flatMap(o -> o.result().stream())
                    .anyMatch(s -> s.count(MigrationState.PENDING) > 0);
            return failed != 0 ? failed : exitCode && pending ? 2 : 0;
        }
        StatusResult status = root.settings().configure().load().status();
        if (out.json()) {
            out.document(status);
        } else {
            for (MigrationStatus s : status.migrations()) {
                out.line(String.format("%-8s %-19s  %s  %s", s.state().name().toLowerCase(java.util.Locale.ROOT),
                        s.appliedAt().map(WHEN::format).orElse("-"), s.id(), s.description()));
                s.detail().ifPresent(d -> out.line("         " + d));
            }
            out.line(summary(status));
        }
        boolean pending = status.count(MigrationState.PENDING) > 0;
        return exitCode && pending ? 2 : 0;
    }

    private static String summary(StatusResult status) {
        StringBuilder text = new StringBuilder();
        for (MigrationState state : MigrationState.values()) {
            long n = status.count(state);
            if (n > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(n).append(' ')
                        .append(state.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return text.isEmpty() ? "No migrations." : text + ".";
    }
}
