package io.clientele.shared.i18n;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request: the one chosen in this session (set at sign-in from the
 * user's stored choice, or by the language switch), else the one remembered in this
 * browser, else the browser's preference, else English. Only supported languages come
 * out.
 */
@Component("localeResolver")
public class ClienteleLocaleResolver implements LocaleResolver {

	public static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH);

	static final String SESSION_ATTRIBUTE = ClienteleLocaleResolver.class.getName() + ".locale";

	static final String COOKIE = "clientele-lang";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Locale chosen) {
			return chosen;
		}
		return fromCookie(request).or(() -> fromBrowser(request)).orElse(Locale.ENGLISH);
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		Locale supported = supported(locale).orElse(Locale.ENGLISH);
		request.getSession().setAttribute(SESSION_ATTRIBUTE, supported);
		if (response != null) {
			Cookie cookie = new Cookie(COOKIE, supported.getLanguage());
			cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
			cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
			cookie.setHttpOnly(true);
			cookie.setAttribute("SameSite", "Lax");
			response.addCookie(cookie);
		}
	}

	public static Optional<Locale> supported(@Nullable Locale locale) {
		if (locale == null) {
			return Optional.empty();
		}
		return SUPPORTED.stream().filter(s -> s.getLanguage().equals(locale.getLanguage())).findFirst();
	}

	private static Optional<Locale> fromCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return supported(Locale.forLanguageTag(cookie.getValue()));
			}
		}
		return Optional.empty();
	}

	private static Optional<Locale> fromBrowser(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return Optional.empty();
		}
		return Collections.list(request.getLocales())
			.stream()
			.map(ClienteleLocaleResolver::supported)
			.flatMap(Optional::stream)
			.findFirst();
	}

}
