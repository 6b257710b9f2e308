package io.clientele.activities.web;

import java.util.List;
import java.util.Set;

import io.clientele.activities.Handover;
import io.clientele.activities.HandoverCount;
import io.clientele.identity.AccessScope;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Handing over, for administrators: choose the departing user, see what would move,
 * choose who takes it, confirm.
 */
@Controller
@RequestMapping("/admin/handover")
class HandoverPages {

	private final Handover handover;

	private final UserDirectory users;

	HandoverPages(Handover handover, UserDirectory users) {
		this.handover = handover;
		this.users = users;
	}

	@GetMapping
	String page(@RequestParam(required = false) @Nullable Long from, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		List<HandoverCount> counts = from == null ? null : handover.preview(from, user);
		if (from == null) {
			handover.preview(user.id(), user); // refuses anyone but an administrator
		}
		model.addAttribute("from", from);
		model.addAttribute("fromName", from == null ? null : users.find(from).map(u -> u.fullName()).orElse(null));
		model.addAttribute("counts", counts);
		model.addAttribute("total", counts == null ? 0 : counts.stream().mapToLong(HandoverCount::count).sum());
		var all = users.activeWithin(new AccessScope(AccessScope.Kind.ALL, user.id(), Set.of()));
		model.addAttribute("everyone", all);
		model.addAttribute("targets", all.stream().filter(u -> from == null || u.id() != from).toList());
		model.addAttribute("leaving", users.all());
		return "tasks/handover";
	}

	@PostMapping
	String handOver(@RequestParam long from, @RequestParam(required = false) @Nullable Long to,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			if (to == null) {
				throw new RuleViolation("to", "handover.to-invalid");
			}
			List<HandoverCount> moved = handover.handOver(from, to, user);
			redirect.addFlashAttribute("moved", moved);
			redirect.addFlashAttribute("notice", "handover.done");
			redirect.addFlashAttribute("noticeArgs",
					new Object[] { moved.stream().mapToLong(HandoverCount::count).sum() });
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
		}
		return "redirect:/admin/handover?from=" + from;
	}

}
