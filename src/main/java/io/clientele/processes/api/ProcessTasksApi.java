package io.clientele.processes.api;

import java.util.List;

import io.clientele.identity.CurrentUser;
import io.clientele.processes.ProcessTaskCard;
import io.clientele.processes.ProcessTaskCompletion;
import io.clientele.processes.ProcessTasks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open actions of running route maps through the API: read one (what it asks: its
 * checklist, the question after it with its answers) and complete it, which advances the
 * process and its deal in the same transaction. An action is visible to exactly those who
 * may see its deal; anyone else gets 404.
 */
@RestController
@RequestMapping("/api/v1/process-tasks")
@Tag(name = "Process tasks")
class ProcessTasksApi {

	private final ProcessTasks tasks;

	ProcessTasksApi(ProcessTasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/{id}")
	@Operation(summary = "An open action: its deal, person, checklist and the question after it")
	@ApiResponse(responseCode = "404", description = "No such open action, or its deal is not yours to see")
	ProcessTaskCard get(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return tasks.card(id, user);
	}

	/**
	 * @param answer the id of the chosen answer's sequence flow, when a question follows
	 * the action
	 * @param ticked the indexes of the checklist's items, all of which must be ticked
	 * @param lossReasonId the loss reason's id, when the answer or the action loses the
	 * deal
	 * @param lossNote a note on the loss
	 * @param chosen the ids of the chosen options' sequence flows, when a selection (one
	 * or more answers) follows the action
	 */
	record Completion(@Nullable String answer, @Nullable List<Integer> ticked, @Nullable Long lossReasonId,
			@Nullable String lossNote, @Nullable List<String> chosen) {
	}

	/**
	 * @param dealId the deal the process drives
	 * @param nextTaskId the caller's next open action on that deal, if the process gave
	 * them one
	 */
	record Completed(long dealId, @Nullable String nextTaskId) {
	}

	@PostMapping("/{id}/completion")
	@Operation(summary = "Complete an action",
			description = "Its person, a head or an administrator completes it: every checklist item ticked, the"
					+ " question answered (or one or more options of a selection chosen), a loss reason given when the"
					+ " deal ends lost. 422 names what is missing.")
	@ApiResponse(responseCode = "404", description = "No such open action, or its deal is not yours to see")
	@ApiResponse(responseCode = "422", description = "A checklist item, the answer or the loss reason is missing,"
			+ " or the action is someone else's")
	Completed complete(@PathVariable String id, @RequestBody Completion completion,
			@AuthenticationPrincipal CurrentUser user) {
		long dealId = tasks.complete(id,
				new ProcessTaskCompletion(completion.answer(),
						completion.ticked() == null ? List.of() : completion.ticked(), completion.lossReasonId(),
						completion.lossNote(), completion.chosen() == null ? List.of() : completion.chosen()),
				user);
		return new Completed(dealId, tasks.nextOf(dealId, user).orElse(null));
	}

}
