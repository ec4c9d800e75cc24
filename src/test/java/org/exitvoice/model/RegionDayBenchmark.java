package org.exitvoice.model;

import org.exitvoice.scenario.ScenarioInput;
import org.exitvoice.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH: one region's day (Moscow's 3.8 M men at scale 1 / 38,000 at scale 100), days 1-30 of the 2022 scenario in turn.
 * Run with {@code mvn -Pbench test} (not part of {@code mvn verify}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class RegionDayBenchmark {
    @Param({"100", "10"})
    public int scale;

    private ExitVoiceModel model;
    private Region moscow;
    private int day;

    @Setup(Level.Iteration)
    public void buildModel() throws Exception {
        ScenarioInput in = ScenarioLoader.load(Path.of("params/sep2022.yaml"), List.of(),
                new ScenarioLoader.Overrides(null, scale, null));
        model = new ExitVoiceModel(in.scenario(), in.regions(), in.routes(), 1);
        model.start();
        for (Region r : model.regions()) {
            if (r.code().equals("RU-MOW")) {
                moscow = r;
            }
        }
        day = 0;
    }

    @TearDown(Level.Iteration)
    public void finish() {
        model.finish();
    }

    @Benchmark
    public int dayOfOneRegion() {
        model.dawnOf(day);
        moscow.step(model);
        day = (day + 1) % 30;
        return moscow.flows().protesters + moscow.flows().departures;
    }
}
