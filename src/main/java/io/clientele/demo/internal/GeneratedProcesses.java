package io.clientele.demo.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.clientele.demo.DataSetSize;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealProgress;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts a data set's open deals under process control, {@link DataSetSize#processes()} of
 * them, through the same switch a manager makes on the deal card: each one starts its
 * scenario's route map in the engine, at the action that sets the deal's current stage.
 * The deals are the open ones of the scenarios that have a map, in an order fixed by the
 * seed; a deal in a stage no action of the map sets cannot switch and is passed over (and
 * so is every later deal in that stage). Unlike the other stages of the generator this
 * one goes through the engine, one deal per transaction, on two threads.
 */
@Component
public class GeneratedProcesses {

	private static final Logger log = LoggerFactory.getLogger(GeneratedProcesses.class);

	private static final int THREADS = 2;

	private final JdbcClient jdbc;

	private final DealProgress progress;

	private final UserDirectory users;

	GeneratedProcesses(JdbcClient jdbc, DealProgress progress, UserDirectory users) {
		this.jdbc = jdbc;
		this.progress = progress;
		this.users = users;
	}

	/**
	 * How many processes were started, how many deals were passed over, how long it took.
	 */
	public record Report(int started, int passedOver, long millis) {
	}

	private record Candidate(long id, long version, long stageId, long responsibleId) {
	}

	/**
	 * @throws IllegalStateException when no scenario has a route map, or some open deal
	 * is under process control already
	 */
	public Report add(DataSetSize size, long seed) throws InterruptedException {
		long began = System.nanoTime();
		if (jdbc.sql("select count(*) from deals where state = 'IN_WORK' and mode = 'PROCESS_CONTROLLED'")
			.query(Long.class)
			.single() > 0) {
			throw new IllegalStateException("The data set has process-controlled deals already");
		}
		List<Candidate> candidates = jdbc.sql("""
				select d.id, d.version, d.stage_id, d.responsible_id
				from deals d join sales_scenarios s on s.id = d.scenario_id
				where s.route_map_key is not null and d.state = 'IN_WORK' and d.deleted_at is null
				order by md5(d.id::text || ':' || :seed), d.id
				""").param("seed", seed).query(Candidate.class).list();
		if (candidates.isEmpty()) {
			throw new IllegalStateException("No open deal of a scenario with a route map");
		}
		int wanted = size.processes();
		log.info("Starting {} processes among {} open deals of scenarios with a route map", wanted, candidates.size());
		AtomicInteger next = new AtomicInteger();
		AtomicInteger started = new AtomicInteger();
		AtomicInteger reserved = new AtomicInteger();
		AtomicInteger passedOver = new AtomicInteger();
		Set<Long> refusedStages = ConcurrentHashMap.newKeySet();
		Map<Long, CurrentUser> actors = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<Object>> workers = pool.invokeAll(java.util.Collections.nCopies(THREADS, () -> {
				int index;
				while ((index = next.getAndIncrement()) < candidates.size()) {
					Candidate deal = candidates.get(index);
					if (refusedStages.contains(deal.stageId())) {
						passedOver.incrementAndGet();
						continue;
					}
					// a place among the wanted, given back when the switch is refused
					if (reserved.incrementAndGet() > wanted) {
						break;
					}
					CurrentUser actor = actors.computeIfAbsent(deal.responsibleId(),
							id -> users.active(id).orElseThrow());
					try {
						progress.switchMode(deal.id(), DealMode.PROCESS_CONTROLLED, deal.version(), actor);
					}
					catch (RuleViolation refused) {
						reserved.decrementAndGet();
						refusedStages.add(deal.stageId());
						passedOver.incrementAndGet();
						continue;
					}
					int done = started.incrementAndGet();
					if (done % 5_000 == 0) {
						log.info("processes: {} of {} started", done, wanted);
					}
				}
				return null;
			}));
			for (Future<Object> worker : workers) {
				worker.get();
			}
		}
		catch (java.util.concurrent.ExecutionException failed) {
			throw new IllegalStateException("Starting the processes failed", failed.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		long millis = (System.nanoTime() - began) / 1_000_000;
		log.info("{} processes started in {} s ({} deals passed over, in stages {} the maps do not set)", started.get(),
				millis / 1000, passedOver.get(), refusedStages);
		return new Report(started.get(), passedOver.get(), millis);
	}

}
