package io.clientele.activities.internal;

import java.util.Collection;
import java.util.Map;

import io.clientele.clients.RecordNames;
import io.clientele.deals.DealQueries;
import io.clientele.shared.lists.ListNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names of the deals and contact persons in the interaction list's cells (clients are
 * named by the deals module's {@code client} names, responsible users by identity).
 */
@Configuration(proxyBeanMethods = false)
class InteractionListNames {

	@Bean
	ListNames interactionDealNames(DealQueries deals) {
		return names("deal", deals::subjects);
	}

	@Bean
	ListNames interactionContactNames(RecordNames names) {
		return names("contact", names::contacts);
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
