package io.clientele.deals.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.deals.DealBoard;
import io.clientele.deals.DealBoard.Filter;
import io.clientele.deals.DealBoard.Period;
import io.clientele.deals.DealProgress;
import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.AccessScope;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The deal board ("My sales"): columns of a scenario's stages, a card per open deal,
 * moved by dragging (or a card's "move to" list) through the same move as the deal card.
 * A column is also served alone, for "show more" and for the live updates that re-fetch
 * the columns a moved deal left and entered.
 */
@Controller
@RequestMapping("/deals/board")
class BoardPages {

	private final DealBoard board;

	private final DealProgress progress;

	private final SalesScenarios scenarios;

	private final UserDirectory users;

	private final AccessScopes scopes;

	private final MessageSource messages;

	BoardPages(DealBoard board, DealProgress progress, SalesScenarios scenarios, UserDirectory users,
			AccessScopes scopes, MessageSource messages) {
		this.board = board;
		this.progress = progress;
		this.scenarios = scenarios;
		this.users = users;
		this.scopes = scopes;
		this.messages = messages;
	}

	@GetMapping
	String board(@RequestParam(required = false) @Nullable Long scenario,
			@RequestParam(required = false) @Nullable Long manager,
			@RequestParam(required = false) @Nullable Long department,
			@RequestParam(defaultValue = "EXPECTED") Period period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		List<SalesScenario> available = scenarios.active();
		model.addAttribute("scenarios", available);
		if (available.isEmpty()) {
			return "deals/board";
		}
		SalesScenario chosen = pick(available, scenario, user);
		Filter filter = filter(manager, department, period, from, to, user);
		model.addAttribute("scenario", chosen);
		model.addAttribute("stages", DealBoard.columnsOf(chosen, null));
		model.addAttribute("columns",
				board.columns(chosen, DealBoard.columnsOf(chosen, null), filter, DealBoard.PAGE, user));
		model.addAttribute("filter", filter);
		model.addAttribute("periods", Period.values());
		boolean choosesPeople = choosesPeople(user);
		model.addAttribute("choosesPeople", choosesPeople);
		if (choosesPeople) {
			AccessScope scope = scopes.of(user.id());
			model.addAttribute("managers", users.activeWithin(scope));
			model.addAttribute("departments",
					users.departments()
						.stream()
						.filter(d -> scope.coversEverything() || scope.departmentIds().contains(d.id()))
						.toList());
		}
		addUrls(model, chosen, filter);
		return "deals/board";
	}

	/** One column, for "show more" and for live updates. */
	@GetMapping("/column")
	String column(@RequestParam long scenario, @RequestParam long stage,
			@RequestParam(defaultValue = "" + DealBoard.PAGE) int limit,
			@RequestParam(required = false) @Nullable Long manager,
			@RequestParam(required = false) @Nullable Long department,
			@RequestParam(defaultValue = "EXPECTED") Period period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		SalesScenario chosen = scenarios.scenario(scenario);
		var stages = DealBoard.columnsOf(chosen, List.of(stage));
		if (!chosen.active() || stages.isEmpty()) {
			throw new RecordNotFound("Stage", stage);
		}
		Filter filter = filter(manager, department, period, from, to, user);
		model.addAttribute("scenario", chosen);
		model.addAttribute("stages", DealBoard.columnsOf(chosen, null));
		model.addAttribute("column", board.columns(chosen, stages, filter, limit, user).get(0));
		addUrls(model, chosen, filter);
		return "deals/board :: column";
	}

	/**
	 * A move from the board's script: the outcome as JSON, a refusal in the user's words.
	 */
	@PostMapping(path = "/move", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> moveFromScript(@RequestParam long id, @RequestParam long stageId,
			@RequestParam long version, @AuthenticationPrincipal CurrentUser user, Locale locale) {
		try {
			progress.move(id, stageId, version, user);
			return ResponseEntity.ok(Map.of("moved", true));
		}
		catch (RuleViolation violation) {
			return refusal(HttpStatus.UNPROCESSABLE_CONTENT, violation.messageKey(), violation.arguments(), locale);
		}
		catch (ConcurrentEdit edit) {
			return refusal(HttpStatus.CONFLICT, "problem.concurrent-edit", new Object[0], locale);
		}
		catch (RecordNotFound missing) {
			return refusal(HttpStatus.NOT_FOUND, "problem.not-found", new Object[0], locale);
		}
	}

	/** A move from a card's "move to" list without the script: back to the board. */
	@PostMapping("/move")
	String move(@RequestParam long id, @RequestParam long stageId, @RequestParam long version,
			@RequestParam(defaultValue = "/deals/board") String back, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			progress.move(id, stageId, version, user);
			redirect.addFlashAttribute("notice", "deal.moved");
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
			redirect.addFlashAttribute("failureArgs", violation.arguments());
		}
		catch (ConcurrentEdit edit) {
			redirect.addFlashAttribute("failure", "problem.concurrent-edit");
		}
		return "redirect:" + (back.startsWith("/deals/board") && !back.contains("//") ? back : "/deals/board");
	}

	private ResponseEntity<Map<String, Object>> refusal(HttpStatus status, String key, Object[] arguments,
			Locale locale) {
		return ResponseEntity.status(status)
			.body(Map.of("moved", false, "message", messages.getMessage(key, arguments, locale)));
	}

	/**
	 * The scenario asked for (remembered for next time), or the one chosen last, or the
	 * first in use.
	 */
	private SalesScenario pick(List<SalesScenario> available, @Nullable Long asked, CurrentUser user) {
		if (asked != null) {
			for (SalesScenario scenario : available) {
				if (scenario.id() == asked) {
					board.choose(user.id(), scenario.id());
					return scenario;
				}
			}
		}
		Long last = board.chosenScenario(user.id()).orElse(null);
		return available.stream()
			.filter(scenario -> last != null && scenario.id() == last)
			.findFirst()
			.orElse(available.get(0));
	}

	/**
	 * The board's filter: a head or an administrator picks managers and departments; a
	 * manager's board is their own deals anyway.
	 */
	private Filter filter(@Nullable Long manager, @Nullable Long department, Period period, @Nullable LocalDate from,
			@Nullable LocalDate to, CurrentUser user) {
		boolean choosesPeople = choosesPeople(user);
		return new Filter(choosesPeople ? manager : null, choosesPeople ? department : null, period, from, to);
	}

	private static boolean choosesPeople(CurrentUser user) {
		return user.is(Role.ADMINISTRATOR) || user.is(Role.HEAD_OF_DEPARTMENT);
	}

	/** The board's own address and its columns', with the filter. */
	private static void addUrls(Model model, SalesScenario scenario, Filter filter) {
		UriComponentsBuilder query = UriComponentsBuilder.newInstance().queryParam("scenario", scenario.id());
		if (filter.managerId() != null) {
			query.queryParam("manager", filter.managerId());
		}
		if (filter.departmentId() != null) {
			query.queryParam("department", filter.departmentId());
		}
		if (filter.period() != Period.EXPECTED) {
			query.queryParam("period", filter.period());
		}
		if (filter.from() != null) {
			query.queryParam("from", filter.from());
		}
		if (filter.to() != null) {
			query.queryParam("to", filter.to());
		}
		String parameters = query.build().encode().toUriString();
		model.addAttribute("boardUrl", "/deals/board" + parameters);
		model.addAttribute("columnUrl", "/deals/board/column" + parameters);
	}

}
