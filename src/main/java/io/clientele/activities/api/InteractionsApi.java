package io.clientele.activities.api;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.activities.CallResult;
import io.clientele.activities.InteractionCompletion;
import io.clientele.activities.InteractionKind;
import io.clientele.activities.InteractionList;
import io.clientele.activities.InteractionPlan;
import io.clientele.activities.InteractionCard;
import io.clientele.activities.InteractionService;
import io.clientele.activities.internal.InteractionColumns;
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
import org.springframework.util.LinkedMultiValueMap;
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
 * Interactions through the API, with the same access, rules and history as the pages.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Interactions")
class InteractionsApi {

	private static final List<String> COLUMNS = List.of("name", "at", "kind", "state", "client", "contact", "deal",
			"responsible", "result", "minutes", "direction", "callResult", "created");

	/** The short filter names of the API and the list's filters they stand for. */
	private static final Map<String, String> FILTERS = Map.of("client", "f.client", "deal", "f.deal", "contact",
			"f.contact", "kind", "f.kind", "state", "f.state", "responsible", "f.responsible", "from", "f.at.from",
			"to", "f.at.to");

	private final InteractionService interactions;

	private final InteractionList list;

	InteractionsApi(InteractionService interactions, InteractionList list) {
		this.interactions = interactions;
		this.list = list;
	}

	record Page(List<Map<String, @Nullable Object>> items, @Nullable String next, @Nullable String previous) {
	}

	@GetMapping("/interactions")
	@Operation(summary = "List the interactions the caller may see, newest first",
			description = "Keyset pages: pass `after` (the `next` of the previous page) or `before`. Filters: "
					+ "`client`, `deal`, `contact`, `responsible` (ids; several values mean any of them), `kind` "
					+ "(CALL, EMAIL, SMS, MEETING, VISIT, NOTE, MESSENGER), `state` (PLANNED, DONE, CANCELLED), "
					+ "`from` / `to` (dates, by the interaction's time), or any list filter as `f.<column>`. "
					+ "`q` searches the subject. `dir=asc` lists oldest first.")
	Page list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
			@AuthenticationPrincipal CurrentUser user) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		params.forEach((name, values) -> query.put(FILTERS.getOrDefault(name, name), values));
		query.remove("cols");
		query.add("cols", String.join(",", COLUMNS));
		if (!query.containsKey("sort")) {
			query.add("sort", "at");
			if (!query.containsKey("dir")) {
				query.add("dir", "desc");
			}
		}
		ListParams state = ListParams.from("/interactions", query, COLUMNS, "at", true);
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
				case "contact" -> "contactId";
				case "deal" -> "dealId";
				case "responsible" -> "responsibleId";
				case "minutes" -> "minutesSpent";
				case "created" -> "createdAt";
				default -> key;
			}, value instanceof io.clientele.shared.Labelled labelled ? labelled.name() : value));
			return item;
		}).toList();
		return new Page(items, page.next(), page.previous());
	}

	@GetMapping("/interactions/{id}")
	@Operation(summary = "An interaction")
	InteractionJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return InteractionJson.of(interactions.card(id, user));
	}

	@PostMapping("/interactions")
	@Operation(summary = "Log a done interaction or plan one",
			description = "`state` PLANNED plans it for `at`; DONE (the default) logs it as done at `at`. The client "
					+ "must be one the caller may see; the deal, if any, one of that client's. A planned MEETING or "
					+ "VISIT may book a meeting room (`roomId`) for `at` and `plannedMinutes`; a room taken then is "
					+ "refused with 422 and a problem detail naming `roomId`, and nothing is saved.")
	ResponseEntity<InteractionJson> create(@RequestBody InteractionWrite interaction,
			@AuthenticationPrincipal CurrentUser user) {
		InteractionCard created = interactions.createAndShow(interaction.draft(), user);
		return ResponseEntity.created(URI.create("/api/v1/interactions/" + created.id()))
			.body(InteractionJson.of(created));
	}

	@PutMapping("/interactions/{id}")
	@Operation(summary = "Replace an interaction's data",
			description = "Send the version you read; if someone changed the interaction since, the answer is 409. "
					+ "The state stays: complete and cancel change it. A planned meeting's room moves with it (422 on "
					+ "`roomId` when it is taken at the new time); leaving `roomId` out frees it.")
	InteractionJson update(@PathVariable long id, @RequestBody InteractionWrite interaction,
			@AuthenticationPrincipal CurrentUser user) {
		interactions.update(id, interaction.draft(), version(interaction.version()), user);
		return InteractionJson.of(interactions.card(id, user));
	}

	/**
	 * Completing an interaction.
	 *
	 * @param next the interaction to plan in the same step, or null
	 */
	record Complete(@Nullable Instant doneAt, @Nullable String result, @Nullable Integer minutesSpent,
			@Nullable CallResult callResult, @Nullable Integer durationSeconds, @Nullable Next next,
			@Nullable Long version) {
	}

	record Next(@Nullable InteractionKind kind, @Nullable Instant at, @Nullable Long responsibleId,
			@Nullable String subject) {
	}

	record Completed(InteractionJson completed, @Nullable InteractionJson next) {
	}

	@PostMapping("/interactions/{id}/complete")
	@Operation(summary = "Mark a planned interaction done, and plan the next one in the same step",
			description = "With `next`, the next interaction is planned on the same client, contact person and "
					+ "deal (its subject and executor default to this one's): both are saved or neither.")
	Completed complete(@PathVariable long id, @RequestBody Complete body, @AuthenticationPrincipal CurrentUser user) {
		InteractionPlan plan = null;
		if (body.next() != null) {
			if (body.next().kind() == null) {
				throw new RuleViolation("next.kind", "interaction.kind-required");
			}
			if (body.next().at() == null) {
				throw new RuleViolation("next.at", "interaction.at-required");
			}
			plan = new InteractionPlan(body.next().kind(), body.next().at(), body.next().responsibleId(),
					body.next().subject());
		}
		Long next = interactions.complete(id, version(body.version()), new InteractionCompletion(body.doneAt(),
				body.result(), body.minutesSpent(), body.callResult(), body.durationSeconds()), plan, user);
		return new Completed(InteractionJson.of(interactions.card(id, user)),
				next == null ? null : InteractionJson.of(interactions.card(next, user)));
	}

	@DeleteMapping("/interactions/{id}")
	@Operation(summary = "Move an interaction to the recycle bin (restorable for 30 days)")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam long version,
			@AuthenticationPrincipal CurrentUser user) {
		interactions.delete(id, version, user);
		return ResponseEntity.noContent().build();
	}

	private static long version(@Nullable Long version) {
		if (version == null) {
			throw new RuleViolation("version", "value.missing");
		}
		return version;
	}

}
