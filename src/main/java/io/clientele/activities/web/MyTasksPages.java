package io.clientele.activities.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.clientele.activities.MyTasks;
import io.clientele.activities.MyTasksCounts;
import io.clientele.activities.MyTasksGroup;
import io.clientele.activities.MyTasksMore;
import io.clientele.activities.TaskBulk;
import io.clientele.identity.AccessScope;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My tasks" and the head's view of the department's tasks, with the bulk changes of the
 * chosen tasks (a new deadline day, another executor).
 */
@Controller
@RequestMapping("/my-tasks")
class MyTasksPages {

	private final MyTasks myTasks;

	private final TaskBulk bulk;

	private final UserDirectory users;

	private final Clock clock;

	MyTasksPages(MyTasks myTasks, TaskBulk bulk, UserDirectory users, Clock clock) {
		this.myTasks = myTasks;
		this.bulk = bulk;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping
	String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
		Instant now = clock.instant();
		model.addAttribute("view", myTasks.of(user.id(), user, now));
		model.addAttribute("team", false);
		model.addAttribute("back", "/my-tasks");
		return page(model, user, now);
	}

	/**
	 * The sidebar's counter beside "My tasks", which open pages fetch again when their
	 * user's tasks change ({@link io.clientele.activities.MyTasksChanges}).
	 */
	@GetMapping("/badge")
	String badge(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("badge", myTasks.badge(user.id()));
		return "fragments :: navBadge";
	}

	/**
	 * The tasks of the people a head sees (an administrator: everyone): one person's, or
	 * all of them, with each person's counts.
	 */
	@GetMapping("/team")
	String team(@RequestParam(required = false) @Nullable Long person, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		if (!user.is(Role.HEAD_OF_DEPARTMENT) && !user.is(Role.ADMINISTRATOR)) {
			throw new RecordNotFound("Page", "/my-tasks/team");
		}
		Instant now = clock.instant();
		List<MyTasksCounts> counts = myTasks.counts(user, now);
		model.addAttribute("counts", counts);
		model.addAttribute("person", person);
		model.addAttribute("personName", person == null ? null
				: counts.stream().filter(c -> c.userId() == person).map(MyTasksCounts::name).findFirst().orElse(null));
		model.addAttribute("view", person == null ? myTasks.everyone(user, now) : myTasks.of(person, user, now));
		model.addAttribute("team", true);
		model.addAttribute("back", person == null ? "/my-tasks/team" : "/my-tasks/team?person=" + person);
		return page(model, user, now);
	}

	/**
	 * The next rows of one group ("show more"): of the reader's own tasks, of one person
	 * a head sees ({@code team}, {@code person}), or of everyone the head sees.
	 */
	@GetMapping("/more")
	String more(@RequestParam MyTasksGroup group, @RequestParam String after,
			@RequestParam(defaultValue = "false") boolean team, @RequestParam(required = false) @Nullable Long person,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		if (team && !user.is(Role.HEAD_OF_DEPARTMENT) && !user.is(Role.ADMINISTRATOR)) {
			throw new RecordNotFound("Page", "/my-tasks/team");
		}
		MyTasksMore more = myTasks.more(team ? person : Long.valueOf(user.id()), group, after, user, clock.instant());
		model.addAttribute("rows", more.rows());
		model.addAttribute("next", more.next());
		model.addAttribute("group", group.name());
		model.addAttribute("team", team);
		model.addAttribute("person", person);
		return "tasks/my-tasks :: page";
	}

	@PostMapping("/reschedule")
	String reschedule(@RequestParam(required = false) @Nullable List<Long> ids,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(required = false) @Nullable String back, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			if (day == null) {
				throw new RuleViolation("day", "mytasks.bulk.day-required");
			}
			int moved = bulk.reschedule(ids == null ? List.of() : ids, day, user);
			redirect.addFlashAttribute("notice", "mytasks.bulk.rescheduled");
			redirect.addFlashAttribute("noticeArgs", new Object[] { moved });
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
			redirect.addFlashAttribute("failureArgs", violation.arguments());
		}
		return "redirect:" + orMine(back);
	}

	@PostMapping("/reassign")
	String reassign(@RequestParam(required = false) @Nullable List<Long> ids,
			@RequestParam(required = false) @Nullable Long to, @RequestParam(required = false) @Nullable String back,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			if (to == null) {
				throw new RuleViolation("to", "task.executor-invalid");
			}
			int moved = bulk.reassign(ids == null ? List.of() : ids, to, user);
			redirect.addFlashAttribute("notice", "mytasks.bulk.reassigned");
			redirect.addFlashAttribute("noticeArgs", new Object[] { moved });
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
			redirect.addFlashAttribute("failureArgs", violation.arguments());
		}
		return "redirect:" + orMine(back);
	}

	private String page(Model model, CurrentUser user, Instant now) {
		LocalDate today = myTasks.today(now);
		model.addAttribute("today", today);
		model.addAttribute("tomorrow", today.plusDays(1));
		model.addAttribute("now", now);
		model.addAttribute("groups", MyTasksGroup.values());
		return "tasks/my-tasks";
	}

	/** The people the bulk form may give tasks to (loaded when the form first shows). */
	@GetMapping("/people")
	String people(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("everyone", users.activeWithin(new AccessScope(AccessScope.Kind.ALL, user.id(), Set.of())));
		return "tasks/my-tasks :: people";
	}

	private static String orMine(@Nullable String back) {
		String safe = safeBack(back);
		return safe == null ? "/my-tasks" : safe;
	}

	/** A page of this application to return to ({@code /my-tasks…}), never elsewhere. */
	static @Nullable String safeBack(@Nullable String back) {
		if (back == null || !back.startsWith("/my-tasks") || back.contains("//") || back.contains("\\")) {
			return null;
		}
		return back;
	}

}
