package io.clientele.deals.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.deals.DealCard;
import io.clientele.deals.DealList;
import io.clientele.deals.DealProgress;
import io.clientele.deals.DealService;
import io.clientele.deals.LossReason;
import io.clientele.deals.ProbabilityEstimates;
import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenarios;
import io.clientele.deals.internal.DealColumns;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.lists.ListParams;
import io.clientele.shared.lists.RecordListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deals through the API, with the same access, rules and history as the pages.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Deals")
class DealsApi {

	private static final List<String> COLUMNS = List.of("name", "client", "state", "scenario", "stage", "mode",
			"amount", "currency", "probability", "expected", "responsible", "created", "updated", "closed");

	private final DealService deals;

	private final DealProgress progress;

	private final DealList list;

	private final DealColumns columns;

	private final SalesScenarios scenarios;

	private final ProbabilityEstimates estimates;

	DealsApi(DealService deals, DealProgress progress, DealList list, DealColumns columns, SalesScenarios scenarios,
			ProbabilityEstimates estimates) {
		this.deals = deals;
		this.progress = progress;
		this.list = list;
		this.columns = columns;
		this.scenarios = scenarios;
		this.estimates = estimates;
	}

	record Page(List<Map<String, @Nullable Object>> items, @Nullable String next, @Nullable String previous,
			@Nullable List<DealList.Total> totals) {
	}

	@GetMapping("/deals")
	@Operation(summary = "List the deals the caller may see",
			description = "Keyset pages: pass `after` (the `next` of the previous page) or `before`. Filters as "
					+ "`f.<column>=value` (several values mean any of them); ranges as `f.<column>.from` / `.to`. "
					+ "Columns: name (the subject), client, state, scenario, stage, mode, amount, currency, "
					+ "probability, weighted, expected, kind, channel, tags, responsible, created, updated, closed, "
					+ "cf<id>. `q` searches the subject. `totals` sums the amounts of every matching deal per "
					+ "currency, or is null beyond " + DealList.TOTALS_UP_TO + " deals.")
	Page list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
			@AuthenticationPrincipal CurrentUser user) {
		List<String> shown = new ArrayList<>(COLUMNS);
		columns.all().keySet().stream().filter(key -> key.startsWith("cf")).forEach(shown::add);
		ListParams state = ListParams.from("/deals", params, shown, "created", true);
		if (state.group() != null) {
			throw new RuleViolation("group", "list.group-invalid");
		}
		RecordListPage page = list.page(state.query(), user);
		List<Map<String, @Nullable Object>> items = page.rows().stream().map(row -> {
			Map<String, @Nullable Object> item = new LinkedHashMap<>();
			item.put("id", row.id());
			row.values().forEach((key, value) -> item.put(switch (key) {
				case "name" -> "subject";
				case "client" -> "clientId";
				case "scenario" -> "scenarioId";
				case "stage" -> "stageId";
				case "responsible" -> "responsibleId";
				case "expected" -> "expectedClose";
				default -> key;
			}, value instanceof io.clientele.shared.Labelled labelled ? labelled.name() : value));
			return item;
		}).toList();
		return new Page(items, page.next(), page.previous(), list.totals(state.query(), user));
	}

	@GetMapping("/deals/{id}")
	@Operation(summary = "A deal with its lines and its stays in stages")
	DealJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return DealJson.of(deals.card(id, user));
	}

	/**
	 * The statistical estimate beside a deal's probability, as on its card.
	 *
	 * @param percent the share won, or null when there is no estimate (a closed deal, or
	 * no closed deal ever reached its stage)
	 * @param basis CLIENT, MANAGER, KIND or SCENARIO: which closed deals it counts
	 */
	record Estimate(long dealId, long stageId, int probability, @Nullable Integer percent, @Nullable String basis,
			long deals, long won) {
	}

	@GetMapping("/deals/{id}/estimate")
	@Operation(summary = "The probability estimate of a deal",
			description = "Of the closed deals that reached the deal's current stage, the share won: from the same "
					+ "client, else the same responsible manager, else the same kind of deal when at least "
					+ ProbabilityEstimates.ENOUGH + " of them were closed, else from the whole scenario. `percent` "
					+ "is null for a closed deal or when no closed deal reached the stage. To accept it, send it as "
					+ "`probability` with `PUT /api/v1/deals/{id}`.")
	Estimate estimate(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		DealCard card = deals.card(id, user);
		return estimates.of(card)
			.map(e -> new Estimate(id, card.stageId(), card.probability(), e.percent(), e.basis().name(), e.deals(),
					e.won()))
			.orElse(new Estimate(id, card.stageId(), card.probability(), null, null, 0, 0));
	}

	@PostMapping("/deals")
	@Operation(summary = "Open a deal",
			description = "Starts at `stageId` or the scenario's first stage, managed by `mode` (MANUAL_STAGES by default).")
	ResponseEntity<DealJson> create(@RequestBody DealWrite deal, @AuthenticationPrincipal CurrentUser user) {
		long id = deals.create(deal.draft(), user);
		return ResponseEntity.created(URI.create("/api/v1/deals/" + id)).body(DealJson.of(deals.card(id, user)));
	}

	@PutMapping("/deals/{id}")
	@Operation(summary = "Replace a deal's data",
			description = "Send the version you read; if someone changed the deal since, the answer is 409. "
					+ "Scenario, stage, state and mode stay: move, win and lose change them.")
	DealJson update(@PathVariable long id, @RequestBody DealWrite deal, @AuthenticationPrincipal CurrentUser user) {
		deals.update(id, deal.draft(), version(deal.version()), user);
		return DealJson.of(deals.card(id, user));
	}

	@DeleteMapping("/deals/{id}")
	@Operation(summary = "Move a deal to the recycle bin (restorable for 30 days)")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam long version,
			@AuthenticationPrincipal CurrentUser user) {
		deals.delete(id, version, user);
		return ResponseEntity.noContent().build();
	}

	record Move(@Nullable Long stageId, @Nullable Long version) {
	}

	@PostMapping("/deals/{id}/move")
	@Operation(summary = "Move a deal to another stage of its scenario",
			description = "Only deals with manual stages move so; leaving a stage forwards needs its required "
					+ "checklist items ticked. A refusal is 422 with the reason.")
	DealJson move(@PathVariable long id, @RequestBody Move move, @AuthenticationPrincipal CurrentUser user) {
		if (move.stageId() == null) {
			throw new RuleViolation("stageId", "deal.move.stage-invalid");
		}
		progress.move(id, move.stageId(), version(move.version()), user);
		return DealJson.of(deals.card(id, user));
	}

	record Version(@Nullable Long version) {
	}

	@PostMapping("/deals/{id}/win")
	@Operation(summary = "Close a deal as won")
	DealJson win(@PathVariable long id, @RequestBody Version body, @AuthenticationPrincipal CurrentUser user) {
		progress.win(id, version(body.version()), user);
		return DealJson.of(deals.card(id, user));
	}

	record Lose(@Nullable Long reasonId, @Nullable String note, @Nullable Long version) {
	}

	@PostMapping("/deals/{id}/lose")
	@Operation(summary = "Close a deal as lost", description = "A reason from `/api/v1/scenarios` is required.")
	DealJson lose(@PathVariable long id, @RequestBody Lose body, @AuthenticationPrincipal CurrentUser user) {
		progress.lose(id, body.reasonId(), body.note(), version(body.version()), user);
		return DealJson.of(deals.card(id, user));
	}

	record Scenarios(List<SalesScenario> scenarios, List<LossReason> lossReasons) {
	}

	@GetMapping("/scenarios")
	@Operation(summary = "The sales scenarios with their stages and checklists, and the loss reasons")
	Scenarios scenarios() {
		return new Scenarios(scenarios.all(), scenarios.lossReasons());
	}

	private static long version(@Nullable Long version) {
		if (version == null) {
			throw new RuleViolation("version", "value.missing");
		}
		return version;
	}

}
