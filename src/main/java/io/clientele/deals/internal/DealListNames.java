package io.clientele.deals.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.clientele.clients.RecordNames;
import io.clientele.deals.SalesScenarios;
import io.clientele.shared.lists.ListNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names of the clients, scenarios and stages in the deal list's cells. */
@Configuration(proxyBeanMethods = false)
class DealListNames {

	@Bean
	ListNames dealClientNames(RecordNames names) {
		return names("client", names::clients);
	}

	@Bean
	ListNames dealStageNames(SalesScenarios scenarios) {
		return names("stage", ids -> {
			Map<Long, String> found = new LinkedHashMap<>();
			scenarios.all()
				.forEach(scenario -> scenario.stages()
					.stream()
					.filter(stage -> ids.contains(stage.id()))
					.forEach(stage -> found.put(stage.id(), stage.name())));
			return found;
		});
	}

	@Bean
	ListNames dealScenarioNames(SalesScenarios scenarios) {
		return names("scenario", ids -> {
			Map<Long, String> found = new LinkedHashMap<>();
			scenarios.all()
				.stream()
				.filter(scenario -> ids.contains(scenario.id()))
				.forEach(scenario -> found.put(scenario.id(), scenario.name()));
			return found;
		});
	}

	private static ListNames names(String column, java.util.function.Function<Collection<Long>, Map<Long, String>> of) {
		return new ListNames() {

			@Override
			public String column() {
				return column;
			}

			@Override
			public Map<Long, String> names(Collection<Long> ids) {
				return of.apply(ids);
			}

		};
	}

}
