package dev.evently.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Browsing as Gatling plays it: for each phase its clients at once, each on a kept-alive connection of its
 * own, repeating the same GET without pause; the phases run one after the other.
 */
public class BrowseSimulation extends Simulation {

    private final Browse browse = Browse.current;

    {
        List<PopulationBuilder> populations = new ArrayList<>();
        for (Browse.Phase phase : browse.phases) {
            populations.add(scenario(phase.name())
                    .during(phase.duration()).on(exec(http(phase.name()).get(phase.path())
                            .check(status().saveAs("st"), responseTimeInMillis().saveAs("rt"), status().is(200)))
                            .exec(s -> {
                                long rt = s.contains("rt") ? s.getLong("rt") : 0;
                                phase.series().record(System.currentTimeMillis() - rt, rt,
                                        s.contains("st") ? s.getInt("st") : 0);
                                return s.remove("st").remove("rt");
                            }))
                    .injectOpen(atOnceUsers(phase.clients())));
        }
        PopulationBuilder chain = populations.get(populations.size() - 1);
        for (int i = populations.size() - 2; i >= 0; i--) {
            chain = populations.get(i).andThen(chain);
        }
        setUp(chain).protocols(http.baseUrl(browse.baseUrl).disableCaching().acceptHeader("application/json")
                .acceptEncodingHeader(Bench.ACCEPT_ENCODING));
    }
}
