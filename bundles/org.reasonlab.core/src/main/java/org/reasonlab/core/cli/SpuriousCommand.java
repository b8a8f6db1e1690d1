package org.reasonlab.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.reasonlab.core.counterfactual.SpuriousCorrelationDataset;
import org.reasonlab.core.imports.DatasetImport;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;

/**
 * {@code reasonlab spurious OUT [--train N] [--test N] [--correlation C] [--seed S] [--to FORMAT] [--force]}: writes
 * {@link SpuriousCorrelationDataset}, whose training records tie the pronoun to the label (he: unethical, she:
 * ethical, at share C) while its test records do not: the dataset on which counterfactual training's effect on the
 * probe's flip rate is measured (docs/counterfactuals.md).
 */
final class SpuriousCommand implements CliCommand {
    private static final int MAX_RECORDS = 10_000_000;

    @Override
    public String name() {
        return "spurious";
    }

    @Override
    public String usage() {
        return "OUT [--train 128] [--test 96] [--correlation 1.0] [--seed 11] [--to FORMAT] [--force]";
    }

    @Override
    public String summary() {
        return "write a synthetic dataset whose pronoun (he/she) is spuriously tied to the label in its train split"
                + " only, to measure counterfactual training";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        CliArguments arguments = CliArguments.parse(args, Set.of("force"),
                Set.of("train", "test", "correlation", "seed", "to"));
        Path target = Path.of(arguments.requirePositional(1, "OUT").get(0));
        int train = count(arguments, "train", 128);
        int test = count(arguments, "test", 96);
        double correlation = arguments.doubleOption("correlation", 1.0);
        if (!(correlation >= 0 && correlation <= 1)) {
            throw new UsageException("--correlation must be from 0 (against) over 0.5 (none) to 1 (always), not "
                    + correlation);
        }
        long seed = arguments.longOption("seed", 11L);
        DatasetFormat format = OutputFiles.format(arguments, target);
        if (format == DatasetFormat.DFAR_CSV) {
            throw new UsageException("the DFAR layout has no split or id column, and the splits are what this dataset"
                    + " is about; write jsonl or csv");
        }
        OutputFiles.refuseExisting(arguments, target);
        List<DatasetRecord> records = SpuriousCorrelationDataset.generate(train, test, correlation, seed);
        Dataset dataset = Dataset.empty(LabelSchema.defaultSchema(), format);
        dataset.entries().addAll(records);
        DatasetImport.write(dataset, target, format); // rewrites a label sidecar left there by another file
        long tied = records.stream().filter(r -> r.split() == Split.TRAIN
                && r.statement().startsWith("He ") == r.label().equals("unethical")).count();
        out.printf(java.util.Locale.ROOT, "wrote %s: %d train records (%d with the pronoun that goes with their label),"
                + " %d test records (pronoun at random)%n", target, train, tied, test);
        return OK;
    }

    private static int count(CliArguments arguments, String option, int otherwise) throws UsageException {
        int n = arguments.intOption(option, otherwise);
        if (n < 0 || n > MAX_RECORDS) {
            throw new UsageException("--" + option + " must be from 0 to " + MAX_RECORDS + ", not " + n);
        }
        return n;
    }
}
