package io.clientele.shared.i18n;

import java.util.Locale;

import io.clientele.shared.security.ClienteleUserDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The language switch of the top bar and the sign-in page.
 */
@Controller
class LanguageController {

	private final ClienteleLocaleResolver locales;

	private final LocalePreferences preferences;

	LanguageController(ClienteleLocaleResolver locales, LocalePreferences preferences) {
		this.locales = locales;
		this.preferences = preferences;
	}

	@PostMapping("/language")
	String switchLanguage(@RequestParam String lang, @RequestParam(required = false) @Nullable String back,
			@AuthenticationPrincipal @Nullable ClienteleUserDetails user, HttpServletRequest request,
			HttpServletResponse response) {
		Locale locale = ClienteleLocaleResolver.supported(Locale.forLanguageTag(lang)).orElse(Locale.ENGLISH);
		locales.setLocale(request, response, locale);
		if (user != null) {
			preferences.store(user.id(), locale);
		}
		return "redirect:" + safeTarget(back);
	}

	/** Only a path of this application, never another site (no open redirect). */
	static String safeTarget(@Nullable String back) {
		if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
				|| back.chars().anyMatch(Character::isISOControl)) {
			return "/";
		}
		return back;
	}

}
