package io.clientele.shared.i18n;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageSwitchTargetTests {

	@Test
	void the_switch_returns_to_a_page_of_this_application() {
		assertThat(LanguageController.safeTarget("/admin/users?page=2")).isEqualTo("/admin/users?page=2");
	}

	@Test
	void the_switch_never_redirects_to_another_site() {
		assertThat(LanguageController.safeTarget("//evil.example/")).isEqualTo("/");
		assertThat(LanguageController.safeTarget("https://evil.example/")).isEqualTo("/");
		assertThat(LanguageController.safeTarget("/\\evil.example")).isEqualTo("/");
		assertThat(LanguageController.safeTarget("/ok\r\nSet-Cookie: x=y")).isEqualTo("/");
		assertThat(LanguageController.safeTarget(null)).isEqualTo("/");
	}

}
