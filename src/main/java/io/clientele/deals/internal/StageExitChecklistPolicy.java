package io.clientele.deals.internal;

import java.util.List;
import java.util.Set;

import io.clientele.deals.SalesScenario.ChecklistItem;
import io.clientele.deals.SalesScenario.Stage;
import io.clientele.shared.RuleViolation;

/**
 * A deal leaves a stage forwards (or is won from it) only when every required item of the
 * stage's checklist is ticked; optional items are reminders. Going back to an earlier
 * stage is not leaving it done, so it is not checked.
 */
final class StageExitChecklistPolicy {

	private StageExitChecklistPolicy() {
	}

	static void check(Stage stage, Set<Long> ticked) {
		List<ChecklistItem> missing = stage.checklist()
			.stream()
			.filter(item -> !item.optional())
			.filter(item -> !ticked.contains(item.id()))
			.toList();
		if (!missing.isEmpty()) {
			throw new RuleViolation("stageId", "deal.checklist.incomplete", stage.name(),
					String.join("; ", missing.stream().map(ChecklistItem::text).toList()));
		}
	}

}
