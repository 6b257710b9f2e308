package io.clientele.shared.web;

import io.clientele.shared.PhoneNumbers;
import org.springframework.stereotype.Component;

/**
 * Phone numbers for pages: {@code ${@phones.display(number)}}.
 */
@Component("phones")
public class PhoneDisplay {

	public String display(String e164) {
		return PhoneNumbers.display(e164);
	}

}
