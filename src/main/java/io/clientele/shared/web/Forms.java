package io.clientele.shared.web;

import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RuleViolation;
import org.springframework.validation.BindingResult;

/**
 * Puts a refusal from the domain next to the form field it concerns (or above the form),
 * so that page controllers show domain rules like they show bean validation.
 */
public final class Forms {

	private Forms() {
	}

	public static void reject(BindingResult form, RuleViolation violation) {
		if (violation.field() != null) {
			try {
				form.getFieldType(violation.field());
				form.rejectValue(violation.field(), violation.messageKey(), violation.arguments(),
						violation.messageKey());
				return;
			}
			catch (org.springframework.beans.InvalidPropertyException ex) {
				// not a field of this form: the message goes above it
			}
		}
		form.reject(violation.messageKey(), violation.arguments(), violation.messageKey());
	}

	public static void reject(BindingResult form, ConcurrentEdit edit) {
		form.reject("problem.concurrent-edit");
	}

}
