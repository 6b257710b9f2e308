package io.clientele.deals.internal;

import java.util.List;
import java.util.Set;

import io.clientele.deals.SalesScenario.ChecklistItem;
import io.clientele.deals.SalesScenario.Stage;
import io.clientele.shared.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StageExitChecklistPolicyTests {

	private final Stage stage = new Stage(1, 1, "Договор", 1, 80, null, true,
			List.of(new ChecklistItem(10, "Подписан", false), new ChecklistItem(11, "Скан в архиве", true)));

	@Test
	void a_stage_with_its_required_items_ticked_may_be_left() {
		assertThatCode(() -> StageExitChecklistPolicy.check(stage, Set.of(10L))).doesNotThrowAnyException();
	}

	@Test
	void an_unticked_required_item_holds_the_deal_and_is_named() {
		assertThatThrownBy(() -> StageExitChecklistPolicy.check(stage, Set.of(11L))).isInstanceOf(RuleViolation.class)
			.extracting("arguments")
			.isEqualTo(new Object[] { "Договор", "Подписан" });
	}

}
