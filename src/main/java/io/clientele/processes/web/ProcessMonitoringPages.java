package io.clientele.processes.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.processes.ProcessMonitoring;
import io.clientele.processes.RouteMaps;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monitoring page of heads and administrators: running processes per map and version,
 * and their open actions, filtered by map, person, department and overdue, a page at a
 * time ({@link ProcessMonitoring}).
 */
@Controller
class ProcessMonitoringPages {

	private final ProcessMonitoring monitoring;

	private final RouteMaps maps;

	private final UserDirectory users;

	ProcessMonitoringPages(ProcessMonitoring monitoring, RouteMaps maps, UserDirectory users) {
		this.monitoring = monitoring;
		this.maps = maps;
		this.users = users;
	}

	@GetMapping("/processes/monitoring")
	String page(@RequestParam(required = false) @Nullable String map,
			@RequestParam(required = false) @Nullable Long person,
			@RequestParam(required = false) @Nullable Long department,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Nullable String after, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		String mapKey = map == null || map.isBlank() ? null : map.strip();
		ProcessMonitoring.Filter filter = new ProcessMonitoring.Filter(mapKey, person, department, overdue);
		model.addAttribute("view", monitoring.view(filter, after, user));
		model.addAttribute("filter", filter);
		model.addAttribute("filtered", mapKey != null || person != null || department != null || overdue);
		model.addAttribute("paged", after != null && !after.isBlank());
		model.addAttribute("maps", maps.all());
		List<UserSummary> people = monitoring.people(user);
		Set<Long> theirs = people.stream().map(UserSummary::departmentId).collect(Collectors.toSet());
		model.addAttribute("people", people);
		model.addAttribute("departments",
				users.departments()
					.stream()
					.filter(candidate -> user.is(Role.ADMINISTRATOR) || theirs.contains(candidate.id()))
					.toList());
		model.addAttribute("administrator", user.is(Role.ADMINISTRATOR));
		return "processes/monitoring";
	}

}
