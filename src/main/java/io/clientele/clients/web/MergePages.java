package io.clientele.clients.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.clientele.clients.ClientService;
import io.clientele.clients.ContactService;
import io.clientele.clients.DuplicateGroups;
import io.clientele.clients.DuplicateScan;
import io.clientele.clients.MergeComparison;
import io.clientele.clients.MergePick;
import io.clientele.clients.MergeRequest;
import io.clientele.clients.MergeSummary;
import io.clientele.clients.Merging;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The duplicates page (groups the scan found, "Scan now", "Not duplicates", the recent
 * merges), the side-by-side comparison that merges two records, and undoing a merge. For
 * heads and administrators only.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'HEAD_OF_DEPARTMENT')")
class MergePages {

	static final String MERGES = "merges";

	private final DuplicateGroups groups;

	private final DuplicateScan scan;

	private final Merging merging;

	MergePages(DuplicateGroups groups, DuplicateScan scan, Merging merging) {
		this.groups = groups;
		this.scan = scan;
		this.merging = merging;
	}

	/**
	 * @param type {@code client}, {@code contact} or {@code merges} (the tab)
	 */
	@GetMapping("/duplicates")
	String page(@RequestParam(defaultValue = ClientService.RECORD_TYPE) String type,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable Long before, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		String tab = List.of(ContactService.RECORD_TYPE, MERGES).contains(type) ? type : ClientService.RECORD_TYPE;
		String filter = reason != null && DuplicateGroups.REASONS.contains(reason) ? reason : null;
		model.addAttribute("tab", tab);
		model.addAttribute("reason", filter);
		model.addAttribute("reasons", DuplicateGroups.REASONS);
		model.addAttribute("status", scan.status());
		if (MERGES.equals(tab)) {
			List<MergeSummary> merges = merging.recent(before, user);
			model.addAttribute("merges", merges);
			model.addAttribute("nextBefore", merges.size() == 50 ? merges.get(merges.size() - 1).id() : null);
		}
		else {
			model.addAttribute("page", groups.page(tab, filter, after, user));
		}
		return "duplicates/list";
	}

	/** The scan's progress, polled by the page while it runs. */
	@GetMapping("/duplicates/scan")
	String scanStatus(Model model) {
		model.addAttribute("status", scan.status());
		return "duplicates/list :: scanStatus";
	}

	/**
	 * @param allNames whether to compare all names through the trigram index
	 * (administrators; slow on a large base)
	 */
	@PostMapping("/duplicates/scan")
	String startScan(@RequestParam(defaultValue = "false") boolean allNames, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		if (allNames ? scan.startComparingAllNames(user) : scan.start(user)) {
			redirect.addFlashAttribute("notice", "duplicates.scan.started");
		}
		else {
			redirect.addFlashAttribute("failure", "duplicates.scan.already-running");
		}
		return "redirect:/duplicates";
	}

	@PostMapping("/duplicates/{type}/{id}/dismiss")
	String dismiss(@PathVariable String type, @PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		groups.dismiss(type, id, user);
		redirect.addFlashAttribute("notice", "duplicates.dismissed");
		return "redirect:/duplicates?type=" + type;
	}

	@GetMapping("/duplicates/merge")
	String compare(@RequestParam String type, @RequestParam(required = false) @Nullable List<Long> ids,
			@RequestParam(required = false) @Nullable Long survivor, @AuthenticationPrincipal CurrentUser user,
			Model model, RedirectAttributes redirect) {
		if (ids == null || ids.size() != 2) {
			redirect.addFlashAttribute("failure", "duplicates.merge.choose-two");
			return "redirect:/duplicates?type=" + (ContactService.RECORD_TYPE.equals(type) ? type : "client");
		}
		try {
			model.addAttribute("comparison", merging.compare(type, ids.get(0), ids.get(1), survivor, user));
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
			return "redirect:/duplicates?type=" + type;
		}
		return "duplicates/merge";
	}

	@PostMapping("/duplicates/merge")
	String merge(@RequestParam String type, @RequestParam long survivorId, @RequestParam long survivorVersion,
			@RequestParam long mergedId, @RequestParam long mergedVersion,
			@RequestParam MultiValueMap<String, String> form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, MergePick> picks = new HashMap<>();
		form.forEach((name, values) -> {
			if (name.startsWith("pick.") && !values.isEmpty()) {
				try {
					picks.put(name.substring("pick.".length()), MergePick.valueOf(values.get(0)));
				}
				catch (IllegalArgumentException ex) {
					// not a choice the page offers: the suggestion stands
				}
			}
		});
		try {
			merging.merge(new MergeRequest(type, survivorId, survivorVersion, mergedId, mergedVersion, picks), user);
			redirect.addFlashAttribute("notice", "merge.done");
			return "redirect:" + cardOf(type, survivorId);
		}
		catch (ConcurrentEdit edit) {
			model.addAttribute("mergeError", "merge.changed-meanwhile");
			model.addAttribute("mergeErrorArgs", new Object[0]);
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		catch (RuleViolation violation) {
			model.addAttribute("mergeError", violation.messageKey());
			model.addAttribute("mergeErrorArgs", violation.arguments());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		MergeComparison fresh = merging.compare(type, survivorId, mergedId, survivorId, user);
		model.addAttribute("comparison", fresh);
		return "duplicates/merge";
	}

	@PostMapping("/duplicates/merges/{id}/undo")
	String undo(@PathVariable long id, @RequestParam(required = false) @Nullable String back,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			MergeSummary undone = merging.undo(id, user);
			redirect.addFlashAttribute("notice", "merge.undone");
			return "redirect:" + cardOf(undone.type(), undone.survivorId());
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
			return "redirect:" + (back != null && back.startsWith("/") && !back.startsWith("//") ? back
					: "/duplicates?type=" + MERGES);
		}
	}

	static String cardOf(String type, long id) {
		return (ContactService.RECORD_TYPE.equals(type) ? "/contacts/" : "/clients/") + id;
	}

}
