package io.clientele.clients.web;

import java.util.List;
import java.util.Set;

import io.clientele.clients.ClientKind;
import io.clientele.clients.Segments;
import io.clientele.clients.internal.RequiredFields;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings of the client base for administrators: the segment dictionary, which managers
 * work which segments, and the fields required of each kind of client.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class ClientSettingsPages {

	private final Segments segments;

	private final UserDirectory users;

	private final AccessScopes scopes;

	private final JdbcClient jdbc;

	ClientSettingsPages(Segments segments, UserDirectory users, AccessScopes scopes, JdbcClient jdbc) {
		this.segments = segments;
		this.users = users;
		this.scopes = scopes;
		this.jdbc = jdbc;
	}

	@GetMapping("/admin/segments")
	String segments(@RequestParam(required = false) @Nullable Long user, @AuthenticationPrincipal CurrentUser me,
			Model model) {
		model.addAttribute("types", segments.types());
		model.addAttribute("segments", segments.all());
		model.addAttribute("people", users.activeWithin(scopes.of(me.id())));
		model.addAttribute("grantUser", user);
		model.addAttribute("granted", user == null ? Set.of() : segments.grantedTo(user));
		return "admin/segments";
	}

	@PostMapping("/admin/segments/types")
	String createType(@RequestParam String name, RedirectAttributes redirect) {
		return done(redirect, "segment.type-created", () -> segments.createType(name));
	}

	@PostMapping("/admin/segments")
	String create(@RequestParam long typeId, @RequestParam String name, RedirectAttributes redirect) {
		return done(redirect, "segment.created", () -> segments.create(typeId, name));
	}

	@PostMapping("/admin/segments/{id}")
	String rename(@PathVariable long id, @RequestParam String name, RedirectAttributes redirect) {
		return done(redirect, "segment.saved", () -> segments.rename(id, name));
	}

	@PostMapping("/admin/segments/{id}/active")
	String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		return done(redirect, "segment.saved", () -> segments.setActive(id, active));
	}

	@PostMapping("/admin/segments/grants")
	String grant(@RequestParam long user, @RequestParam(required = false) @Nullable List<Long> segmentIds,
			RedirectAttributes redirect) {
		segments.grant(user, segmentIds == null ? List.of() : segmentIds);
		redirect.addFlashAttribute("notice", "segment.granted");
		return "redirect:/admin/segments?user=" + user;
	}

	@GetMapping("/admin/required-fields")
	String requiredFields(Model model) {
		model.addAttribute("choosable", RequiredFields.CHOOSABLE);
		model.addAttribute("labels", RequiredFields.CHOOSABLE.stream()
			.collect(java.util.stream.Collectors.toMap(field -> field, RequiredFields::labelKey)));
		model.addAttribute("kinds", ClientKind.values());
		model.addAttribute("required", Set
			.copyOf(jdbc.sql("select kind || ':' || field from client_required_fields").query(String.class).list()));
		return "admin/required-fields";
	}

	@PostMapping("/admin/required-fields")
	@Transactional
	String saveRequiredFields(@RequestParam(required = false) @Nullable List<String> required,
			RedirectAttributes redirect) {
		jdbc.sql("delete from client_required_fields").update();
		for (String item : required == null ? List.<String>of() : required) {
			String[] parts = item.split(":");
			if (parts.length == 2 && RequiredFields.CHOOSABLE.contains(parts[1])) {
				jdbc.sql("insert into client_required_fields (kind, field) values (?, ?)")
					.params(ClientKind.valueOf(parts[0]).name(), parts[1])
					.update();
			}
		}
		redirect.addFlashAttribute("notice", "required-fields.saved");
		return "redirect:/admin/required-fields";
	}

	private static String done(RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
		}
		return "redirect:/admin/segments";
	}

}
