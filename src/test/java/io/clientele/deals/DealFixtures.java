package io.clientele.deals;

import io.clientele.clients.TourFixtures;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.clientele.support.TestUsers;
import org.jspecify.annotations.Nullable;

/**
 * A scenario of four stages made for one test: the second has a required and an optional
 * checklist item.
 */
final class DealFixtures {

	final long scenario;

	final long first;

	final long second;

	final long third;

	final long fourth;

	final long requiredItem;

	final long optionalItem;

	DealFixtures(SalesScenarios scenarios) {
		scenario = scenarios.createScenario(TestUsers.unique("Сценарий"));
		first = scenarios.addStage(scenario, "Контакт", 10, 7);
		second = scenarios.addStage(scenario, "Потребности", 30, null);
		third = scenarios.addStage(scenario, "Предложение", 60, null);
		fourth = scenarios.addStage(scenario, "Договор", 90, null);
		requiredItem = scenarios.addChecklistItem(second, "Известен бюджет", false);
		optionalItem = scenarios.addChecklistItem(second, "Прислали реквизиты", true);
	}

	/**
	 * The scenario's process-controlled deals follow the test map {@code by-positions}
	 * (deployed here unless it is), whose actions set the 2nd, 3rd and 4th stages.
	 */
	DealFixtures followingRouteMap(SalesScenarios scenarios, io.clientele.processes.RouteMaps maps) {
		try (var map = DealFixtures.class.getResourceAsStream("/processes/by-positions.bpmn20.xml")) {
			maps.deploy(map.readAllBytes());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		scenarios.assignRouteMap(scenario, "by-positions");
		return this;
	}

	DealDraft draft(long clientId, String subject) {
		return draft(clientId, subject, DealMode.MANUAL_STAGES, List.of());
	}

	DealDraft draft(long clientId, String subject, DealMode mode, List<Long> coExecutors) {
		return new DealDraft(clientId, null, subject, "Описание", "Поставка", scenario, null, mode,
				new BigDecimal("100000.00"), "RUB", null, null, "Выставка", null, coExecutors, List.of("опт"),
				List.of(), Map.of());
	}

	static io.clientele.clients.ClientDraft client(String name) {
		return TourFixtures.named(name);
	}

	static DealDraft withLines(DealDraft draft, List<DealLine> lines, @Nullable Long stageId) {
		return new DealDraft(draft.clientId(), draft.contactId(), draft.subject(), draft.description(), draft.kind(),
				draft.scenarioId(), stageId, draft.mode(), draft.amount(), draft.currency(), draft.probability(),
				draft.expectedClose(), draft.channel(), draft.responsibleId(), draft.coExecutorIds(), draft.tags(),
				lines, draft.custom());
	}

}
