package org.exitvoice.validation;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** What a fit leaves behind: the trace of every evaluation (CSV) and the fitted values (fit.yaml). */
public final class FitRecord {
    private FitRecord() {
    }

    /** trace.csv: {@code evaluation, <one column per parameter>, score, best}. */
    public static void writeTrace(Path file, CalibrationPlan plan, List<Calibration.Evaluation> trace) throws IOException {
        List<String> header = new ArrayList<>(List.of("evaluation"));
        plan.parameters().forEach(p -> header.add(p.key()));
        header.addAll(List.of("score", "best"));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            p.printRecord(header);
            for (Calibration.Evaluation e : trace) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(e.index())));
                for (int i = 0; i < e.values().length; i++) {
                    row.add(plan.parameters().get(i).format(e.values()[i]));
                }
                row.add(ValidationTable.number(e.score(), 6));
                row.add(ValidationTable.number(e.best(), 6));
                p.printRecord(row);
            }
        }
    }

    /**
     * fit.yaml: only the fitted keys, nested as in a scenario file, under comments naming the fit (date, score, the
     * observations) so that a value copied into a scenario can cite it, and how the start and the fit fare on every
     * target, those the fit used and those it did not; it {@code extends:} the scenario at the fit saved beside it,
     * so that it also runs as it is.
     */
    public static String fitYaml(CalibrationPlan plan, Calibration.Fit fit, List<Target> fitted,
                                 ValidationTable atStart, ValidationTable atFit, int days, long seed, LocalDate date) {
        StringBuilder b = new StringBuilder();
        String objective = plan.objective() == CalibrationPlan.Objective.ARD ? "ARD" : "weighted log error";
        b.append("# exitvoice calibration fit of ").append(plan.file()).append(" on ").append(date).append('\n');
        b.append(String.format(Locale.ROOT, "# score: %s %.4f over %d targets (%s), from %.4f at the start%n", objective,
                fit.score(), fitted.size(), plan.selection(), fit.startScore()));
        b.append("# observations: ").append(String.join(", ", fitted.stream().map(Target::id).toList())).append('\n');
        Set<String> used = fitted.stream().map(Target::id).collect(Collectors.toSet());
        b.append("# ARD of the fitted targets: ").append(atStart.ard(r -> used.contains(r.id()))).append(" at the start, ")
                .append(atFit.ard(r -> used.contains(r.id()))).append(" at the fit\n");
        b.append("# ARD of the other targets:  ").append(atStart.ard(r -> !used.contains(r.id()))).append(" at the start, ")
                .append(atFit.ard(r -> !used.contains(r.id()))).append(" at the fit\n");
        b.append(String.format(Locale.ROOT, "# %d evaluations x %d replications (seeds %d-%d), scale %s, %d days each; CMA-ES%n",
                fit.trace().size(), plan.replications(), seed, seed + plan.replications() - 1,
                plan.scale() == null ? "of the scenario" : plan.scale().toString(), days));
        for (int i = 0; i < plan.parameters().size(); i++) {
            CalibrationPlan.FreeParameter p = plan.parameters().get(i);
            if (Calibration.atBound(p, fit.values()[i])) {
                b.append("# AT A BOUND: ").append(p.key()).append(" [").append(p.format(p.min())).append(", ")
                        .append(p.format(p.max())).append("]: the targets want more than it can give; look for a"
                                + " missing mechanism before accepting it\n");
            }
        }
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        List<String> topLevel = new ArrayList<>();
        for (int i = 0; i < plan.parameters().size(); i++) {
            CalibrationPlan.FreeParameter p = plan.parameters().get(i);
            String value = p.format(fit.values()[i]);
            int dot = p.key().indexOf('.');
            if (dot < 0) {
                topLevel.add(p.key() + ": " + value);
            } else {
                groups.computeIfAbsent(p.key().substring(0, dot), k -> new LinkedHashMap<>())
                        .put(p.key().substring(dot + 1), value);
            }
        }
        // a complete scenario, so that `exitvoice run OUT/fit.yaml` runs as written: the copy beside it moves with it and
        // stays the scenario that was fitted, whatever later happens to the file the plan named
        b.append("# runs as written: it extends the scenario at the fit, saved beside it (")
                .append(plan.scenario().toString().replace('\\', '/')).append(" with these values)\n");
        b.append("# to adopt the values, copy the keys below into a scenario\n");
        b.append("extends: ").append(Validation.SCENARIO).append('\n');
        topLevel.forEach(l -> b.append(l).append('\n'));
        groups.forEach((group, keys) -> {
            b.append(group).append(":\n");
            keys.forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
        });
        return b.toString();
    }
}
