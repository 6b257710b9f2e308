package io.clientele.activities.web;

import java.util.List;

import io.clientele.activities.Notifications;
import io.clientele.activities.Notifications.Notification;
import io.clientele.activities.internal.MailOutbox;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bell in the top bar and the user's notifications: reminders that fired, digests of
 * upcoming dates. Each user sees only their own.
 */
@Controller
class NotificationPages {

	static final int PAGE = 30;

	static final int IN_BELL = 8;

	private final Notifications notifications;

	private final MailOutbox mail;

	private final UserDirectory users;

	NotificationPages(Notifications notifications, MailOutbox mail, UserDirectory users) {
		this.notifications = notifications;
		this.mail = mail;
		this.users = users;
	}

	/** The bell with its count and the newest notifications: loaded by every page. */
	@GetMapping("/notifications/bell")
	String bell(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("unread", notifications.unread(user.id()));
		model.addAttribute("counted", Notifications.COUNTED);
		model.addAttribute("latest", notifications.page(user.id(), null, IN_BELL));
		return "activities/bell :: bell";
	}

	@GetMapping("/notifications")
	String list(@RequestParam(required = false) @Nullable Long before, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		List<Notification> page = notifications.page(user.id(), before, PAGE + 1);
		model.addAttribute("items", page.subList(0, Math.min(PAGE, page.size())));
		model.addAttribute("next", page.size() > PAGE ? page.get(PAGE - 1).id() : null);
		model.addAttribute("first", before == null);
		model.addAttribute("unread", notifications.unread(user.id()));
		model.addAttribute("byEmail", notifications.byEmail(user.id()));
		model.addAttribute("mailConfigured", mail.configured());
		model.addAttribute("hasAddress", users.mailAddress(user.id()).isPresent());
		return "activities/notifications";
	}

	/** Marks the notification read and goes where it leads. */
	@PostMapping("/notifications/{id}/open")
	String open(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		String link = notifications.open(user.id(), id);
		return "redirect:" + (link != null && link.startsWith("/") && !link.startsWith("//") ? link : "/notifications");
	}

	@PostMapping("/notifications/read-all")
	String readAll(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		notifications.readAll(user.id());
		redirect.addFlashAttribute("notice", "notification.all-read");
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/settings")
	String settings(@RequestParam(defaultValue = "false") boolean byEmail, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		notifications.setByEmail(user.id(), byEmail);
		redirect.addFlashAttribute("notice", "notification.settings-saved");
		return "redirect:/notifications";
	}

}
