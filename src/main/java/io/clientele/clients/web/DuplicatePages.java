package io.clientele.clients.web;

import java.util.ArrayList;
import java.util.List;

import io.clientele.clients.Duplicates;
import io.clientele.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Likely duplicates of the record being typed, for the panel beside the client, contact
 * and lead forms. The panel sends the whole form as it stands; the fields are read by
 * their names in those forms.
 */
@Controller
class DuplicatePages {

	private final Duplicates duplicates;

	DuplicatePages(Duplicates duplicates) {
		this.duplicates = duplicates;
	}

	@GetMapping("/duplicates/check")
	String check(@RequestParam MultiValueMap<String, String> form, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		String type = form.getFirst("duplicateType");
		String organisation = null;
		String person = null;
		if ("lead".equals(type)) {
			organisation = form.getFirst("company");
			person = form.getFirst("name");
		}
		else if ("contact".equals(type)) {
			person = join(form.getFirst("lastName"), form.getFirst("firstName"), form.getFirst("middleName"));
		}
		else if ("INDIVIDUAL".equals(form.getFirst("kind"))) {
			person = join(form.getFirst("lastName"), form.getFirst("firstName"), form.getFirst("middleName"));
		}
		else {
			organisation = first(form.getFirst("clientName"), form.getFirst("name"));
			if ("client".equals(type) && form.containsKey("lastName")) {
				person = join(form.getFirst("lastName"), form.getFirst("firstName"), form.getFirst("middleName"));
			}
		}
		List<String> phones = new ArrayList<>();
		List<String> emails = new ArrayList<>();
		form.forEach((name, values) -> {
			boolean phone = name.equals("phone") || (name.startsWith("phones[") && name.endsWith("].number"));
			boolean email = name.equals("email") || (name.startsWith("emails[") && name.endsWith("].address"));
			for (String value : values) {
				if (value != null && !value.isBlank() && value.length() <= 254) {
					if (phone) {
						phones.add(value);
					}
					else if (email) {
						emails.add(value);
					}
				}
			}
		});
		Long exclude = null;
		try {
			exclude = form.getFirst("duplicateOf") == null || form.getFirst("duplicateOf").isBlank() ? null
					: Long.valueOf(form.getFirst("duplicateOf"));
		}
		catch (NumberFormatException ex) {
			// nothing to leave out then
		}
		var probe = new Duplicates.Probe(limit(organisation), limit(person), limit(form.getFirst("inn")), phones,
				emails, type, exclude);
		model.addAttribute("candidates", duplicates.find(probe, user));
		model.addAttribute("probed", !probe.empty());
		model.addAttribute("pickable", form.containsKey("existingClientId"));
		return "duplicates/panel :: results";
	}

	private static @Nullable String join(@Nullable String... parts) {
		List<String> words = new ArrayList<>();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				words.add(part.strip());
			}
		}
		return words.isEmpty() ? null : String.join(" ", words);
	}

	private static @Nullable String first(@Nullable String a, @Nullable String b) {
		return a != null && !a.isBlank() ? a : b;
	}

	private static @Nullable String limit(@Nullable String text) {
		return text == null || text.length() > 300 ? null : text;
	}

}
