package org.exitvoice.experiment;

import java.util.ArrayList;
import java.util.List;

/** One point of a design: the value of each factor, in the experiment's factor order; {@code index} from 0. */
public record Point(int index, List<Level> levels) {
    public Point {
        levels = List.copyOf(levels);
    }

    /** The {@code --set} overrides that put a scenario at this point. */
    public List<String> sets(List<Factor> factors) {
        List<String> out = new ArrayList<>(factors.size());
        for (int i = 0; i < factors.size(); i++) {
            out.add(factors.get(i).set(levels.get(i)));
        }
        return out;
    }
}
