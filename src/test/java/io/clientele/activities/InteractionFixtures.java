package io.clientele.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.clientele.clients.TourFixtures;
import io.clientele.clients.ClientDraft;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealMode;
import io.clientele.deals.SalesScenarios;
import io.clientele.support.TestUsers;
import org.jspecify.annotations.Nullable;

/** Clients, deals and interactions made for one test. */
final class InteractionFixtures {

	final long scenario;

	final long first;

	final long second;

	InteractionFixtures(SalesScenarios scenarios) {
		scenario = scenarios.createScenario(TestUsers.unique("Сценарий"));
		first = scenarios.addStage(scenario, "Контакт", 10, null);
		second = scenarios.addStage(scenario, "Предложение", 50, null);
	}

	static ClientDraft client(String name) {
		return TourFixtures.named(name);
	}

	DealDraft deal(long clientId, String subject) {
		return deal(clientId, subject, List.of());
	}

	DealDraft deal(long clientId, String subject, List<Long> coExecutorIds) {
		return new DealDraft(clientId, null, subject, null, null, scenario, null, DealMode.MANUAL_STAGES,
				new BigDecimal("1000.00"), "RUB", null, null, null, null, coExecutorIds, List.of(), List.of(),
				Map.of());
	}

	static InteractionDraft call(long clientId, @Nullable Long dealId, String subject, Instant at,
			InteractionState state) {
		return new InteractionDraft(InteractionKind.CALL, state, at, clientId, null, dealId, subject, null, 5, null,
				List.of(), List.of(), CallDirection.OUTGOING, 125, CallResult.ANSWERED, null, null, null, null, null);
	}

	static InteractionDraft of(InteractionKind kind, long clientId, String subject, Instant at,
			List<Long> participantUserIds) {
		return new InteractionDraft(kind, InteractionState.DONE, at, clientId, null, null, subject, "Итог", null, null,
				participantUserIds, List.of(), null, null, null, null, null, null, null, null);
	}

}
