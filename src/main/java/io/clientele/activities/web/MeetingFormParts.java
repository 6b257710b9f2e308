package io.clientele.activities.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.clientele.activities.BusyTimes;
import io.clientele.activities.InteractionState;
import io.clientele.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The part of the interaction form that follows what is chosen on it (htmx): for a
 * planned meeting or visit, the busy times of its people and its room on its day, with a
 * warning where they overlap it. Rendered from the form's own template.
 */
@Controller
@RequestMapping("/interactions/form")
class MeetingFormParts {

	private final BusyTimes busyTimes;

	MeetingFormParts(BusyTimes busyTimes) {
		this.busyTimes = busyTimes;
	}

	/**
	 * The busy times for the form as it is filled in now (a field that does not read,
	 * such as a half-typed time, counts as not given).
	 * @param interactionId the meeting being edited, which keeps nobody busy
	 */
	@GetMapping("/busy")
	String busy(@ModelAttribute("form") InteractionForm form, BindingResult unreadable,
			@RequestParam(required = false) @Nullable Long interactionId, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		Instant start = form.start();
		Instant end = form.end();
		boolean meeting = form.getKind().hasPlace() && form.getState() == InteractionState.PLANNED;
		model.addAttribute("busy", !meeting || start == null || end == null ? null
				: busyTimes.around(start, end, people(form, user), form.getRoomId(), interactionId, user));
		return "activities/form :: busy";
	}

	/** Who does it first (the author when nobody is chosen), then the colleagues. */
	private static List<Long> people(InteractionForm form, CurrentUser user) {
		List<Long> people = new ArrayList<>();
		people.add(form.getResponsibleId() == null ? user.id() : form.getResponsibleId());
		form.getParticipantUserIds().stream().filter(id -> id != null && !people.contains(id)).forEach(people::add);
		return people;
	}

}
