package io.clientele.processes.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import io.clientele.processes.DeployedRouteMap;
import io.clientele.processes.RouteMaps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The route maps Clientele ships (a standard sale, complaint handling, the instruction
 * that Instructions run) are deployed at start-up when no map with their key exists yet;
 * a map the administrator changed, or a later version, is left alone. Several nodes
 * starting together take a transaction-level advisory lock first, so only one of them
 * deploys.
 */
@Component
class ShippedRouteMaps implements ApplicationRunner {

	static final List<String> KEYS = List.of("standard-sale", "complaint-handling", "instruction");

	/** Any fixed number, the same on every node: the lock's name. */
	private static final long LOCK = 0x726f7574656d6170L;

	private static final Logger log = LoggerFactory.getLogger(ShippedRouteMaps.class);

	private final RouteMaps maps;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	ShippedRouteMaps(RouteMaps maps, JdbcClient jdbc, TransactionTemplate transactions) {
		this.maps = maps;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("select 1 from (select pg_advisory_xact_lock(?)) locked")
				.param(LOCK)
				.query(Integer.class)
				.single();
			for (String key : KEYS) {
				if (!maps.exists(key)) {
					DeployedRouteMap deployed = maps.deploy(read(key));
					log.info("Deployed the shipped route map '{}' ({})", deployed.key(), deployed.name());
				}
			}
		});
	}

	private static byte[] read(String key) {
		try (InputStream in = new ClassPathResource("processes/route-maps/" + key + ".bpmn20.xml").getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
