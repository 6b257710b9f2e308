package io.clientele.identity;

import io.clientele.identity.internal.PasswordPolicy;
import io.clientele.shared.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTests {

	@Test
	void a_long_phrase_is_accepted() {
		assertThatCode(() -> PasswordPolicy.check("newPassword", "green tea at noon", "anna"))
			.doesNotThrowAnyException();
	}

	@Test
	void a_short_password_is_refused_on_its_field() {
		assertThatThrownBy(() -> PasswordPolicy.check("newPassword", "short1", "anna"))
			.isInstanceOf(RuleViolation.class)
			.extracting("field", "messageKey")
			.containsExactly("newPassword", "password.too-short");
	}

	@Test
	void a_password_containing_the_user_name_is_refused() {
		assertThatThrownBy(() -> PasswordPolicy.check("newPassword", "my-ANNA-password", "anna"))
			.extracting("messageKey")
			.isEqualTo("password.contains-username");
	}

	@Test
	void a_password_of_one_repeated_character_is_refused() {
		assertThatThrownBy(() -> PasswordPolicy.check("newPassword", "aaaaaaaaaaaa", "anna")).extracting("messageKey")
			.isEqualTo("password.too-simple");
	}

}
