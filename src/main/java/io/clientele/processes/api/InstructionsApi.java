package io.clientele.processes.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.clientele.identity.CurrentUser;
import io.clientele.processes.InstructionCard;
import io.clientele.processes.InstructionDraft;
import io.clientele.processes.InstructionPage;
import io.clientele.processes.InstructionRow;
import io.clientele.processes.InstructionState;
import io.clientele.processes.Instructions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Instructions through the API: giving one, reading it, the caller's lists and the steps
 * of its cycle, with the same access and rules as the pages. An instruction the caller
 * may not see answers 404.
 */
@RestController
@RequestMapping("/api/v1/instructions")
@Tag(name = "Instructions")
class InstructionsApi {

	private final Instructions instructions;

	InstructionsApi(Instructions instructions) {
		this.instructions = instructions;
	}

	/**
	 * An instruction as the API takes it.
	 *
	 * @param dueTime a time of day (the installation's time zone) on {@code dueOn}
	 */
	record Write(@Nullable String title, @Nullable String description, @Nullable Long executorId,
			@Nullable LocalDate dueOn, @Nullable LocalTime dueTime, @Nullable Instant remindAt, @Nullable Long clientId,
			@Nullable Long contactId, @Nullable Long dealId) {
	}

	record Text(@Nullable String text) {
	}

	record Page(List<InstructionRow> items, @Nullable Long next) {
	}

	@PostMapping
	@Operation(summary = "Give an instruction",
			description = "The executor finds its first step (accept) in My tasks and is reminded at `remindAt`. "
					+ "A deal sets the client when none is given; the caller must see the client and the deal.")
	ResponseEntity<InstructionCard> give(@RequestBody Write body, @AuthenticationPrincipal CurrentUser user) {
		long id = instructions
			.give(new InstructionDraft(body.title() == null ? "" : body.title(), body.description(), body.executorId(),
					body.dueOn(), body.dueTime(), body.remindAt(), body.clientId(), body.contactId(), body.dealId()),
					user);
		return ResponseEntity.created(URI.create("/api/v1/instructions/" + id)).body(instructions.card(id, user));
	}

	@GetMapping("/{id}")
	@Operation(summary = "An instruction with its state, the step that waits and its history",
			description = "`readerStep` is the step the caller may do now (ACCEPT, REPORT, CHECK), or null.")
	InstructionCard get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return instructions.card(id, user);
	}

	@GetMapping
	@Operation(summary = "The caller's instructions, newest first",
			description = "`view`: RECEIVED (given to the caller, the default) or GIVEN (given by the caller); "
					+ "`state` filters (GIVEN, ACCEPTED, REPORTED, RETURNED, DONE). Keyset pages: pass the `next` "
					+ "of a page as `after`; `limit` at most 100.")
	Page list(@RequestParam(defaultValue = "RECEIVED") InstructionPage.View view,
			@RequestParam(required = false) @Nullable InstructionState state,
			@RequestParam(required = false) @Nullable Long after, @RequestParam(defaultValue = "25") int limit,
			@AuthenticationPrincipal CurrentUser user) {
		InstructionPage page = instructions.page(view, state, after, limit, user);
		return new Page(page.rows(), page.next());
	}

	@PostMapping("/{id}/accept")
	@Operation(summary = "The executor accepts the instruction")
	InstructionCard accept(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		instructions.accept(id, user);
		return instructions.card(id, user);
	}

	@PostMapping("/{id}/report")
	@Operation(summary = "The executor reports what was done", description = "`text` is required.")
	InstructionCard report(@PathVariable long id, @RequestBody Text body, @AuthenticationPrincipal CurrentUser user) {
		instructions.report(id, body.text(), user);
		return instructions.card(id, user);
	}

	@PostMapping("/{id}/accept-result")
	@Operation(summary = "The author accepts the result: the instruction is done")
	InstructionCard acceptResult(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		instructions.acceptResult(id, user);
		return instructions.card(id, user);
	}

	@PostMapping("/{id}/return")
	@Operation(summary = "The author returns the instruction with a comment",
			description = "`text` (the comment) is required; the executor is to do it and report again.")
	InstructionCard returnIt(@PathVariable long id, @RequestBody Text body, @AuthenticationPrincipal CurrentUser user) {
		instructions.returnWith(id, body.text(), user);
		return instructions.card(id, user);
	}

}
