package io.clientele.processes.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.clientele.identity.CurrentUser;
import io.clientele.processes.DealProcesses;
import io.clientele.processes.ProcessTaskCompletion;
import io.clientele.processes.ProcessTasks;
import io.clientele.shared.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of an action of a deal's process: the deal, the action, its checklist and the
 * question after it, answered with a button per branch. Completing it goes to the
 * reader's next action on the deal, else to the deal. Someone who may not see the deal
 * finds no such page.
 */
@Controller
class ProcessTaskPages {

	private final ProcessTasks tasks;

	private final DealProcesses processes;

	ProcessTaskPages(ProcessTasks tasks, DealProcesses processes) {
		this.tasks = tasks;
		this.processes = processes;
	}

	@GetMapping("/processes/tasks/{id}")
	String card(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Optional<Long> instruction = tasks.instructionOf(id);
		if (instruction.isPresent()) {
			return "redirect:/instructions/" + instruction.get();
		}
		model.addAttribute("task", tasks.card(id, user));
		return "processes/task";
	}

	@PostMapping("/processes/tasks/{id}")
	String complete(@PathVariable String id, @RequestParam(required = false) @Nullable String answer,
			@RequestParam(defaultValue = "") List<Integer> ticked, @RequestParam(defaultValue = "") List<String> chosen,
			@RequestParam(required = false) @Nullable Long reasonId,
			@RequestParam(required = false) @Nullable String note, @AuthenticationPrincipal CurrentUser user,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			long dealId = tasks.complete(id, new ProcessTaskCompletion(answer, ticked, reasonId, note, chosen), user);
			redirect.addFlashAttribute("notice", "process.task.done");
			return tasks.nextOf(dealId, user)
				.map(next -> "redirect:/processes/tasks/" + next)
				.orElse("redirect:/deals/" + dealId);
		}
		catch (RuleViolation violation) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("failure", violation.messageKey());
			model.addAttribute("failureArgs", violation.arguments());
			model.addAttribute("ticked", ticked);
			model.addAttribute("chosen", chosen);
			return card(id, user, model);
		}
	}

	/** The BPMN file the deal's process runs on, for the map on the deal card. */
	@GetMapping("/processes/deals/{dealId}/map")
	ResponseEntity<byte[]> map(@PathVariable long dealId, @AuthenticationPrincipal CurrentUser user) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
			.body(processes.mapOf(dealId, user));
	}

}
