package io.clientele.demo.internal;

import io.clientele.demo.DataSetSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar clientele.jar generate --size M [--seed 42] [--password …]}: fills the
 * configured, empty database with a named data set and ends. With {@code --only leads} or
 * {@code --only deals} it adds just those to a data set of that size and seed generated
 * before there were any; {@code --only activities} likewise adds the interactions and
 * tasks, and {@code --only processes} puts open deals under process control (through the
 * engine; not part of a whole generation, as it takes minutes on M).
 */
@Component
@Order(200)
class GenerateCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(GenerateCommand.class);

	private final DataSetGenerator generator;

	private final GeneratedProcesses processes;

	GenerateCommand(DataSetGenerator generator, GeneratedProcesses processes) {
		this.generator = generator;
		this.processes = processes;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!args.getNonOptionArgs().contains("generate")) {
			return;
		}
		DataSetSize size = DataSetSize.valueOf(option(args, "size", "S").toUpperCase(java.util.Locale.ROOT));
		long seed = Long.parseLong(option(args, "seed", "20261123"));
		String only = option(args, "only", null);
		if ("leads".equals(only)) {
			var report = generator.addLeads(size, seed);
			log.warn("Data set {}: {} leads added in {} s.", size, report.leads(), report.millis() / 1000);
			return;
		}
		if ("deals".equals(only)) {
			var report = generator.addDeals(size, seed);
			log.warn("Data set {}: {} deals added in {} s.", size, report.deals(), report.millis() / 1000);
			return;
		}
		if ("activities".equals(only)) {
			var report = generator.addActivities(size, seed);
			log.warn("Data set {}: {} interactions and {} tasks added in {} s.", size, report.interactions(),
					report.tasks(), report.millis() / 1000);
			return;
		}
		if ("processes".equals(only)) {
			var report = processes.add(size, seed);
			log.warn("Data set {}: {} processes started in {} s ({} deals passed over).", size, report.started(),
					report.millis() / 1000, report.passedOver());
			return;
		}
		if (only != null) {
			throw new IllegalArgumentException("generate --only knows \"leads\", \"deals\", \"activities\" and"
					+ " \"processes\", not \"" + only + "\"");
		}
		var report = generator.generate(size, seed, option(args, "password", null));
		log.warn("""

				=====================================================================
				  Data set {}: {} clients, {} contact persons, {} links, {} leads, {} deals,
				  {} interactions, {} tasks, in {} s.
				  Heads h01…h20 and managers m001…m200 sign in with: {}
				=====================================================================""", size, report.clients(),
				report.contacts(), report.links(), report.leads(), report.deals(), report.interactions(),
				report.tasks(), report.millis() / 1000, report.password());
	}

	/** {@code --name=value} or {@code --name value}. */
	private static String option(ApplicationArguments args, String name, String fallback) {
		var values = args.getOptionValues(name);
		if (values != null && !values.isEmpty()) {
			return values.get(0);
		}
		String[] source = args.getSourceArgs();
		for (int i = 0; i + 1 < source.length; i++) {
			if (source[i].equals("--" + name) && !source[i + 1].startsWith("--")) {
				return source[i + 1];
			}
		}
		return fallback;
	}

}
