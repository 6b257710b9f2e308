package io.clientele.shared;

import java.util.Locale;

import io.clientele.shared.i18n.ClienteleLocaleResolver;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ClienteleLocaleResolverTests {

	private final ClienteleLocaleResolver resolver = new ClienteleLocaleResolver();

	@Test
	void the_browsers_preferred_supported_language_is_the_default() {
		var request = new MockHttpServletRequest();
		request.addHeader("Accept-Language", "de-DE,ru;q=0.8,en;q=0.5");
		request.setPreferredLocales(java.util.List.of(Locale.GERMANY, Locale.forLanguageTag("ru"), Locale.ENGLISH));
		assertThat(resolver.resolveLocale(request).getLanguage()).isEqualTo("ru");
	}

	@Test
	void an_unsupported_browser_language_falls_back_to_english() {
		var request = new MockHttpServletRequest();
		request.addHeader("Accept-Language", "mn");
		request.setPreferredLocales(java.util.List.of(Locale.forLanguageTag("mn")));
		assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void a_chosen_language_wins_over_the_browser_and_is_remembered_in_a_cookie() {
		var request = new MockHttpServletRequest();
		request.addHeader("Accept-Language", "en");
		var response = new MockHttpServletResponse();
		resolver.setLocale(request, response, Locale.forLanguageTag("ru-RU"));
		assertThat(resolver.resolveLocale(request).getLanguage()).isEqualTo("ru");
		Cookie cookie = response.getCookie("clientele-lang");
		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).isEqualTo("ru");

		var nextVisit = new MockHttpServletRequest();
		nextVisit.addHeader("Accept-Language", "en");
		nextVisit.setCookies(cookie);
		assertThat(resolver.resolveLocale(nextVisit).getLanguage()).isEqualTo("ru");
	}

}
