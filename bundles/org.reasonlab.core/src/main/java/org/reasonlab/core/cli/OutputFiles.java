package org.reasonlab.core.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import org.reasonlab.core.io.RealPaths;
import org.reasonlab.core.model.DatasetFormat;

/** The checks of a command that writes a dataset: its format, and that it replaces nothing it should not. */
final class OutputFiles {
    private OutputFiles() {
    }

    /** {@code --to}, else the format the output's file name says. */
    static DatasetFormat format(CliArguments arguments, Path target) throws UsageException {
        if (arguments.option("to").isPresent()) {
            String name = arguments.option("to").get();
            return DatasetFormat.parse(name)
                    .orElseThrow(() -> new UsageException("unknown format '" + name + "'; use jsonl, csv or dfar"));
        }
        return DatasetFormat.fromFileName(target).orElseThrow(
                () -> new UsageException("cannot tell the format of " + target + " from its name; pass --to jsonl|csv|dfar"));
    }

    /** An existing output (a dangling link too) is replaced only with {@code --force}. */
    static void refuseExisting(CliArguments arguments, Path target) throws UsageException {
        if (!arguments.flag("force") && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException(target + " exists; pass --force to replace it");
        }
    }

    /** No output may be an input under any of its names (links, {@code dir/../}). */
    static void refuseInputs(List<Path> inputs, List<Path> outputs, String what) throws UsageException {
        for (Path in : inputs) {
            for (Path output : outputs) {
                if (RealPaths.same(in, output)) {
                    throw new UsageException(what + " are the same file: " + output + " is " + in);
                }
            }
        }
    }
}
