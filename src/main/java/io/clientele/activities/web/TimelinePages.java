package io.clientele.activities.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.clientele.activities.Timeline;
import io.clientele.activities.TimelineSubject;
import io.clientele.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The entries of a client's or a deal's timeline after a cursor or of some kinds, for the
 * card's "show more" and its filter (htmx swaps them into the card).
 */
@Controller
class TimelinePages {

	private final Timeline timeline;

	TimelinePages(Timeline timeline) {
		this.timeline = timeline;
	}

	@GetMapping("/timeline/{type:client|deal}/{id}")
	String entries(@PathVariable String type, @PathVariable long id,
			@RequestParam(required = false) @Nullable List<String> kinds,
			@RequestParam(required = false) @Nullable String after, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		TimelineSubject subject = type.equals("client") ? TimelineSubject.client(id) : TimelineSubject.deal(id);
		Set<String> chosen = kinds == null ? Set.of()
				: kinds.stream().filter(kind -> timeline.kinds().contains(kind)).collect(Collectors.toSet());
		model.addAttribute("page", timeline.page(subject, chosen, after, Timeline.PAGE, user));
		model.addAttribute("more", "/timeline/" + type + "/" + id + "?"
				+ chosen.stream().sorted().map(kind -> "kinds=" + kind + "&").collect(Collectors.joining()));
		return "activities/timeline :: entries";
	}

}
