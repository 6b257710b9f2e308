package io.clientele.clients.web;

import java.util.List;

import io.clientele.clients.RecycleBin;
import io.clientele.clients.Reassignment;
import io.clientele.clients.ClientService;
import io.clientele.clients.ContactService;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Handing clients to another manager, and the recycle bin.
 */
@Controller
class ClientAdministrationPages {

	private final Reassignment reassignment;

	private final RecycleBin bin;

	private final ClientService clients;

	private final ContactService contacts;

	private final UserDirectory users;

	private final AccessScopes scopes;

	ClientAdministrationPages(Reassignment reassignment, RecycleBin bin, ClientService clients, ContactService contacts,
			UserDirectory users, AccessScopes scopes) {
		this.reassignment = reassignment;
		this.bin = bin;
		this.clients = clients;
		this.contacts = contacts;
		this.users = users;
		this.scopes = scopes;
	}

	/**
	 * Chosen clients (from the list) or all clients of one manager: who gets them, and a
	 * count.
	 */
	@GetMapping("/clients/reassign")
	@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'HEAD_OF_DEPARTMENT')")
	String reassignPage(@RequestParam(required = false) @Nullable List<Long> ids,
			@RequestParam(required = false) @Nullable Long from, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		model.addAttribute("people", users.activeWithin(scopes.of(user.id())));
		model.addAttribute("ids", ids == null ? List.of() : ids);
		model.addAttribute("from", from);
		model.addAttribute("count",
				ids != null && !ids.isEmpty() ? ids.size() : from != null ? reassignment.countOf(from, user) : 0);
		return "clients/reassign";
	}

	@PostMapping("/clients/reassign")
	@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'HEAD_OF_DEPARTMENT')")
	String reassign(@RequestParam(required = false) @Nullable List<Long> ids,
			@RequestParam(required = false) @Nullable Long from, @RequestParam long to,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			int moved = ids != null && !ids.isEmpty() ? reassignment.reassign(ids, to, user)
					: from != null ? reassignment.reassignAll(from, to, user) : 0;
			redirect.addFlashAttribute("notice", "clients.reassigned");
			redirect.addFlashAttribute("noticeArgs", new Object[] { moved });
			return "redirect:/clients?f.responsible=" + to;
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
			return "redirect:/clients/reassign" + (from != null ? "?from=" + from : "");
		}
	}

	@GetMapping("/recycle-bin")
	String recycleBin(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("items", bin.contents(user));
		return "clients/recycle-bin";
	}

	@PostMapping("/recycle-bin/{type}/{id}/restore")
	String restore(@PathVariable String type, @PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			if (!ContactService.RECORD_TYPE.equals(type) && !ClientService.RECORD_TYPE.equals(type)) {
				var restored = bin.restoreOther(type, id, user);
				if (restored == null) {
					throw new io.clientele.shared.RecordNotFound(type, id);
				}
				redirect.addFlashAttribute("notice", restored.notice());
				if (!restored.noticeArgs().isEmpty()) {
					redirect.addFlashAttribute("noticeArgs", restored.noticeArgs().toArray());
				}
				return "redirect:" + restored.page();
			}
			if (ContactService.RECORD_TYPE.equals(type)) {
				contacts.restore(id, user);
				redirect.addFlashAttribute("notice", "recycle-bin.restored");
				return "redirect:/contacts/" + id;
			}
			clients.restore(id, user);
			redirect.addFlashAttribute("notice", "recycle-bin.restored");
			return "redirect:/clients/" + id;
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
			return "redirect:/recycle-bin";
		}
	}

}
