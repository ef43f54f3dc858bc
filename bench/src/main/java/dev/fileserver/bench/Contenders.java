package dev.fileserver.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Transfers by several contenders, one of them our server, run by run in alternating order. */
final class Contenders {

    /** One timed transfer, checked; its rate in MB/s. */
    interface Copy {
        double run() throws Exception;
    }

    private Contenders() {
    }

    /** Each contender once per run, {@code ours} after the baselines or before them by turns; rates by name. */
    static Map<String, List<Double>> measure(BenchContext context, String what, Map<String, Copy> contenders,
            String ours) throws Exception {
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        contenders.keySet().forEach(name -> rates.put(name, new ArrayList<>()));
        List<String> baselines = contenders.keySet().stream().filter(name -> !name.equals(ours)).toList();
        for (int run = 0; run < context.runs(); run++) {
            List<String> order = new ArrayList<>(baselines);
            if (BenchContext.baselineFirst(run)) {
                order.add(ours);
            }
            else {
                order.add(0, ours);
            }
            for (String name : order) {
                double rate = contenders.get(name).run();
                rates.get(name).add(rate);
                BenchContext.progress(String.format("%s %s, run %d: %s, %.0f MB/s", context.sizes().bigFileLabel(),
                        what, run + 1, name, rate));
            }
        }
        return rates;
    }
}
