package io.clientele.deals;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A line of business's way to a sale: its stages in order.
 *
 * @param stages every stage, switched-off ones included, in order
 * @param routeMapKey the route map its process-controlled deals follow, or null when they
 * cannot be process-controlled
 */
public record SalesScenario(long id, String name, boolean active, List<Stage> stages, @Nullable String routeMapKey) {

	public SalesScenario {
		stages = List.copyOf(stages);
	}

	/** The stages a deal can stand in, in order. */
	public List<Stage> activeStages() {
		return stages.stream().filter(Stage::active).toList();
	}

	public Optional<Stage> stage(long stageId) {
		return stages.stream().filter(stage -> stage.id() == stageId).findFirst();
	}

	/**
	 * @param position the order within the scenario
	 * @param probability the default probability of a deal in it, in percent
	 * @param maxDays after so many days in it a deal is stalled; null for never
	 * @param checklist active items, in order
	 */
	public record Stage(long id, long scenarioId, String name, int position, int probability, @Nullable Integer maxDays,
			boolean active, List<ChecklistItem> checklist) {

		public Stage {
			checklist = List.copyOf(checklist);
		}

	}

	/**
	 * @param optional whether the deal may leave the stage without it
	 */
	public record ChecklistItem(long id, String text, boolean optional) {
	}

}
